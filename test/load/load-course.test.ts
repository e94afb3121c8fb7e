import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { validate } from '../../src/validate.js';
import type { ChecklistField, ChoiceQuestion, Course, QuizActivity, SheetActivity, TextField, ToolActivity, VideoActivity } from '../../src/model/course.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const minimalDir = path.join(fixtures, 'valid/minimal');
const stepFile = 'steps/01-basics.yaml';
const at = (file: string, line: number, column: number) => ({ file, line, column });

describe('loadCourse on a valid course', () => {
  let course: Course;

  beforeAll(async () => {
    const result = await loadCourse(minimalDir);
    expect(result.diagnostics).toEqual([]);
    expect(result.course).toBeDefined();
    course = result.course!;
  });

  function activity<T>(id: string): T {
    const found = course.steps.flatMap((s) => s.activities).find((a) => a.id === id);
    expect(found, id).toBeDefined();
    return found as T;
  }

  it('reads course.yaml and applies its defaults', () => {
    expect(course).toMatchObject({
      id: 'minimal-course',
      title: 'A minimal course',
      language: 'en',
      description: 'One step that uses every activity kind.',
      version: '1.0.0',
      authors: [],
      passingScore: 80,
      theme: { color: '#1d5c8f' },
      rootDir: minimalDir.replace(/\/$/, ''),
      loc: at('course.yaml', 2, 1), // line 1 is the yaml-language-server comment
    });
  });

  it('lists the files the course was written in, for watching', () => {
    expect(course.sourceFiles).toEqual(['course.yaml', stepFile, 'texts/transcript.md', 'sheets/basics.md']);
  });

  it('builds the step with its introduction and activities in order', () => {
    expect(course.steps).toHaveLength(1);
    const step = course.steps[0]!;
    expect(step).toMatchObject({ id: 'basics', title: 'The basics', duration: '10 min', loc: at(stepFile, 2, 1) });
    expect(step.introduction).toEqual({ source: 'Welcome to **the basics**.\n', loc: at(stepFile, 5, 15) });
    expect(step.activities.map((a) => `${a.kind}:${a.id}`)).toEqual([
      'video:basics-video',
      'video:basics-youtube',
      'quiz:basics-quiz',
      'quiz:basics-defaults',
      'sheet:basics-sheet',
      'tool:basics-tool',
    ]);
  });

  it('resolves a local video, its poster, captions and transcript file', () => {
    const video = activity<VideoActivity>('basics-video');
    expect(video.loc).toEqual(at(stepFile, 8, 5));
    expect(video.source).toEqual({
      type: 'file',
      file: {
        path: 'media/intro.mp4',
        absPath: path.join(minimalDir, 'media/intro.mp4'),
        mediaType: 'video/mp4',
        loc: at(stepFile, 11, 10),
      },
    });
    expect(video.poster).toMatchObject({ path: 'media/intro.jpg', mediaType: 'image/jpeg' });
    expect(video.captions).toEqual([
      {
        language: 'en',
        label: 'English', // the language's name, in the course language
        file: expect.objectContaining({ path: 'media/intro.en.vtt', mediaType: 'text/vtt', loc: at(stepFile, 15, 14) }),
        loc: at(stepFile, 14, 9),
      },
    ]);
    expect(video.watchedThreshold).toBe(0.9);
    expect(video.transcript).toEqual({ source: 'The transcript.\n', loc: at('texts/transcript.md', 1, 1) });
  });

  it('recognises an external YouTube video and keeps explicit values', () => {
    const video = activity<VideoActivity>('basics-youtube');
    expect(video.source).toEqual({ type: 'youtube', videoId: 'dQw4w9WgXcQ', url: 'https://youtu.be/dQw4w9WgXcQ' });
    expect(video.captions).toEqual([]);
    expect(video.transcript?.source).toMatch(/^The video's words as text/);
    expect(video.watchedThreshold).toBe(0.5);
  });

  it('builds quiz questions of every type, with default choice ids and weights', () => {
    const quiz = activity<QuizActivity>('basics-quiz');
    expect(quiz).toMatchObject({ passingScore: 50, attempts: 2, shuffle: true });
    const [colour, primes, earth] = quiz.questions as ChoiceQuestion[];
    expect(colour).toMatchObject({ id: 'colour', type: 'single-choice', weight: 1, loc: at(stepFile, 35, 9) });
    expect(colour?.prompt).toEqual({ source: 'Which colour is the sky?', loc: at(stepFile, 37, 17) });
    expect(colour?.choices.map((c) => [c.id, c.correct, c.feedback?.source])).toEqual([
      ['a', false, undefined],
      ['b', true, 'Yes.'],
    ]);
    expect(colour?.choices[1]?.loc).toEqual(at(stepFile, 40, 13));
    expect(colour?.explanation?.source).toBe('The sky looks blue in daylight.');
    expect(primes).toMatchObject({ type: 'multiple-choice', weight: 2 });
    expect(primes?.choices.map((c) => [c.id, c.correct])).toEqual([
      ['two', true],
      ['four', false],
      ['five', true],
    ]);
    expect(earth?.type).toBe('true-false');
    expect(earth?.choices.map((c) => [c.id, c.text.source, c.correct, c.feedback?.source])).toEqual([
      ['true', 'True', true, undefined],
      ['false', 'False', false, 'It is, roughly.'],
    ]);
  });

  it('gives a quiz without settings the course passing score, unlimited attempts, no shuffle', () => {
    expect(activity<QuizActivity>('basics-defaults')).toMatchObject({ passingScore: 80, attempts: 0, shuffle: false });
  });

  it('reads a sheet body from its Markdown file, with its attachments', () => {
    const sheet = activity<SheetActivity>('basics-sheet');
    expect(sheet.body).toEqual({ source: '# Basics\n\nThe sheet.\n', loc: at('sheets/basics.md', 1, 1) });
    expect(sheet.attachments).toEqual([
      {
        title: 'The sheet as PDF',
        file: expect.objectContaining({ path: 'files/basics.pdf', mediaType: 'application/pdf' }),
        loc: at(stepFile, 81, 9),
      },
    ]);
  });

  it('builds tool fields with their defaults and checklist items with positions', () => {
    const tool = activity<ToolActivity>('basics-tool');
    expect(tool.instructions.source).toBe('Fill in the boxes.');
    expect(tool.completeWhen).toBe('filled');
    const [name, detail, kinds] = tool.fields as [TextField, TextField, ChecklistField];
    expect(name).toEqual({ type: 'text', id: 'name', label: 'Name one example', multiline: false, maxLength: 300, required: true, loc: at(stepFile, 89, 9) });
    expect(kinds.required).toBe(true);
    expect(detail).toMatchObject({ multiline: true, placeholder: 'A few words', maxLength: 500 });
    expect(kinds.items).toEqual([
      { id: 'first', label: 'The first kind', loc: at(stepFile, 102, 13) },
      { id: 'second', label: 'The second kind', loc: at(stepFile, 104, 13) },
    ]);
    expect(tool.downloads[0]?.file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('validate', () => {
  it('is ok for a valid course', async () => {
    const result = await validate(minimalDir);
    expect(result.ok).toBe(true);
    expect(result.course?.id).toBe('minimal-course');
  });

  it('is ok with warnings only', async () => {
    const result = await validate(path.join(fixtures, 'invalid/VIDEO_WITHOUT_CAPTIONS'));
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('is not ok, and gives no course, when there is an error', async () => {
    const result = await validate(path.join(fixtures, 'invalid/MISSING_FIELD'));
    expect(result.ok).toBe(false);
    expect(result.course).toBeUndefined();
  });
});
