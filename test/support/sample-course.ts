/**
 * The sample course as its author wrote it, read straight from the YAML (not through our
 * loader), so tests know the right and wrong answers independently of the code under test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface AuthoredChoice {
  id: string;
  /** Label shown to the learner (plain text as written). */
  text: string;
  correct: boolean;
}

export interface AuthoredQuestion {
  id: string;
  type: string;
  prompt: string;
  /** For true-false questions, choices `true` and `false` with the given labels. */
  choices: AuthoredChoice[];
}

export interface AuthoredQuiz {
  id: string;
  title: string;
  attempts: number;
  passingScore: number;
  questions: AuthoredQuestion[];
}

export interface AuthoredToolField {
  id: string;
  type: 'text' | 'checklist';
  label: string;
  items: { id: string; label: string }[];
}

export interface AuthoredStep {
  id: string;
  title: string;
  video?: { id: string; title: string; watchedThreshold: number };
  quiz?: AuthoredQuiz;
  sheet?: { id: string; title: string };
  tool?: { id: string; title: string; fields: AuthoredToolField[] };
}

export interface AuthoredCourse {
  id: string;
  title: string;
  version: string;
  passingScore: number;
  steps: AuthoredStep[];
}

type Raw = Record<string, unknown>;

/** Labels of the true/false choices; the interface is French for a French course. */
export const TRUE_FALSE_LABELS = { fr: { true: 'Vrai', false: 'Faux' }, en: { true: 'True', false: 'False' } } as const;

export function readAuthoredCourse(courseDir: string): AuthoredCourse {
  const course = parse(readFileSync(path.join(courseDir, 'course.yaml'), 'utf8')) as Raw;
  const language = course.language === 'en' ? 'en' : 'fr';
  const steps = (course.steps as unknown[]).map((entry) => {
    const raw = typeof entry === 'string' ? (parse(readFileSync(path.join(courseDir, entry), 'utf8')) as Raw) : (entry as Raw);
    return readStep(raw, language);
  });
  return {
    id: String(course.id),
    title: String(course.title),
    version: String(course.version),
    passingScore: Number(course.passingScore ?? 80),
    steps,
  };
}

function readStep(raw: Raw, language: 'fr' | 'en'): AuthoredStep {
  const step: AuthoredStep = { id: String(raw.id), title: String(raw.title) };
  for (const activity of (raw.activities as Raw[]) ?? []) {
    const base = { id: String(activity.id), title: String(activity.title) };
    switch (activity.kind) {
      case 'video':
        step.video = { ...base, watchedThreshold: Number(activity.watchedThreshold ?? 0.9) };
        break;
      case 'quiz':
        step.quiz = {
          ...base,
          attempts: Number(activity.attempts ?? 0),
          passingScore: Number(activity.passingScore ?? 80),
          questions: ((activity.questions as Raw[]) ?? []).map((q) => readQuestion(q, language)),
        };
        break;
      case 'sheet':
        step.sheet = base;
        break;
      case 'tool':
        step.tool = {
          ...base,
          fields: ((activity.fields as Raw[]) ?? []).map((f) => ({
            id: String(f.id),
            type: f.type === 'checklist' ? 'checklist' : 'text',
            label: String(f.label),
            items: ((f.items as Raw[]) ?? []).map((i) => ({ id: String(i.id), label: String(i.label) })),
          })),
        };
        break;
    }
  }
  return step;
}

function readQuestion(raw: Raw, language: 'fr' | 'en'): AuthoredQuestion {
  const type = String(raw.type);
  const prompt = String(raw.prompt).trim();
  if (type === 'true-false') {
    const answer = raw.answer === true;
    const labels = TRUE_FALSE_LABELS[language];
    return {
      id: String(raw.id),
      type,
      prompt,
      choices: [
        { id: 'true', text: labels.true, correct: answer },
        { id: 'false', text: labels.false, correct: !answer },
      ],
    };
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return {
    id: String(raw.id),
    type,
    prompt,
    choices: ((raw.choices as Raw[]) ?? []).map((c, index) => ({
      id: c.id === undefined ? letters[index]! : String(c.id),
      text: String(c.text).trim(),
      correct: c.correct === true,
    })),
  };
}

/** The choices a learner who knows the answer ticks. */
export function rightChoices(question: AuthoredQuestion): AuthoredChoice[] {
  return question.choices.filter((c) => c.correct);
}

/** A wrong answer: the first wrong choice for one-answer questions, every wrong one otherwise. */
export function wrongChoices(question: AuthoredQuestion): AuthoredChoice[] {
  const wrong = question.choices.filter((c) => !c.correct);
  return question.type === 'multiple-choice' ? wrong : wrong.slice(0, 1);
}
