/**
 * Learner state ⇄ the one string an LMS keeps (SCORM `cmi.suspend_data`, 4,096 characters
 * in SCORM 1.2). Compact, keyed by the author's ids so a republished course resumes what
 * still matches, and tolerant: decoding never throws.
 *
 * Format `p2:` then sections separated by `|`, each starting with a tag letter:
 *   L<location>
 *   V<salt><ref><ref>…                                 visited activities, by reference (state-refs.ts)
 *   F<salt><ref><ref>…                                 activities the learner declared finished, the same way
 *   W<videoId>=<position>,<watched>,<start>,<end>,…;…  watched is '' (unknown), 1 or 0
 *   Q<quizId>=<salt><attempts>,<score>,<best>,<flags>[,<shown>]!<question>,<question>…;…
 *       score and best in hundredths of a percent ('' = none); flags: 1 passed, 2 submitted;
 *       questions `<ref><answer>` (answered), `<ref>!` (not answered), where <ref> names the
 *       question in 2 or 3 characters and <answer> holds option positions or escaped values
 *       (state-refs.ts); the first <shown> ones are the saved order, the answered others
 *       follow. Format p1, still read, named activities and questions by their ids
 *       (`V<id>,<id>`, `<questionId>*<value>*<value>`) and had no salts.
 *   T<toolId>=<fieldId>*<length>,<fieldId>!<item>*<item>,…;…
 *   X<text><text>…                    typed answers then tool texts, raw, in Q's then T's order
 * Numbers are base 36. Ids and the bookmark are escaped; learner texts (tool fields, typed
 * answers) are stored raw, cut by their lengths, in the X section, always last
 * (state-escape.ts says why).
 * Empty sections are left out. Unknown tags are skipped, so a later version can add
 * sections that this one ignores; a change of meaning takes a new format number, and a
 * runtime refuses formats later than its own (unreadableState).
 */
import type { RuntimeActivity, RuntimeCourse, RuntimeQuestion, RuntimeQuiz, RuntimeTool } from './course-data.js';
import type { LearnerState, QuizProgress, VideoProgress } from './learner-state.js';
import { emptyLearnerState } from './learner-state.js';
import { own, record, setOwn } from './records.js';
import { mergeSegments } from './segments.js';
import { escapeValue, fromStoredText, indexOfUnescaped, splitUnescaped, toStoredText, unescapeValue } from './state-escape.js';
import { decodeAnswer, encodeAnswer, questionKey, refIndex, refLength, refOf, saltFor } from './state-refs.js';

/** The format this runtime writes; it reads it and every earlier one, never a later one. */
const FORMAT_VERSION = 2;
const PREFIX = `p${FORMAT_VERSION}:`;
const VERSION_PREFIX = /^p(\d{1,4}):/;

/** Most watched segments kept per video; beyond it the closest segments are merged. */
export const MAX_VIDEO_SEGMENTS = 10;
/** Video times are clamped here (about 13 hours): three base-36 digits at most. */
export const MAX_VIDEO_SECONDS = 36 ** 3 - 1;
/** Attempts are clamped here: two base-36 digits at most. */
export const MAX_QUIZ_ATTEMPTS = 36 ** 2 - 1;

const FLAG_PASSED = 1;
const FLAG_SUBMITTED = 2;

/** The course's steps, and each activity id with its step id (the first activity of an id wins). */
interface CourseIndex {
  steps: Set<string>;
  activities: Map<string, [stepId: string, activity: RuntimeActivity]>;
}

function indexCourse(course: RuntimeCourse): CourseIndex {
  const index: CourseIndex = { steps: new Set(), activities: new Map() };
  for (const step of course.steps) {
    index.steps.add(step.id);
    for (const activity of step.activities) if (!index.activities.has(activity.id)) index.activities.set(activity.id, [step.id, activity]);
  }
  return index;
}

/** The activity of `id` when it is of `kind`. */
function activityOf<K extends RuntimeActivity['kind']>(index: CourseIndex, id: string, kind: K): Extract<RuntimeActivity, { kind: K }> | undefined {
  const activity = index.activities.get(id)?.[1];
  return activity?.kind === kind ? (activity as Extract<RuntimeActivity, { kind: K }>) : undefined;
}

const base36 = (n: number): string => n.toString(36);

/** `course` is the course the state belongs to: quizzes name their questions by reference to it. */
export function encodeState(state: LearnerState, course: RuntimeCourse): string {
  const index = indexCourse(course);
  const sections: string[] = [];
  /** `<id>=<body>;…` for the entries `body` writes (undefined leaves one out). */
  const section = <T>(tag: string, entries: Record<string, T>, body: (value: T, id: string) => string | undefined) => {
    const items = Object.entries(entries).flatMap(([id, value]) => {
      const written = body(value, id);
      return written === undefined ? [] : [`${escapeValue(id)}=${written}`];
    });
    if (items.length > 0) sections.push(tag + items.join(';'));
  };
  if (state.location) sections.push('L' + escapeValue(state.location));
  // Visited and finished activities by reference (state-refs.ts), in a row: references have one length.
  const salt = saltFor([...index.activities.keys()]);
  const refs = (tag: string, ids: readonly string[] = []) => {
    const known = ids.filter((id) => index.activities.has(id));
    if (known.length > 0) sections.push(tag + base36(salt) + known.map((id) => refOf(id, salt)).join(''));
  };
  refs('V', state.visited);
  refs('F', state.finished);
  section('W', state.videos, encodeVideo);
  // Typed answers (fill-in, numeric) and tool texts go raw to X, quizzes' first.
  const texts: string[] = [];
  section('Q', state.quizzes, (quiz, id) => {
    const def = activityOf(index, id, 'quiz');
    return def && encodeQuiz(quiz, def, texts);
  });
  section('T', state.tools, (fields) => encodeTool(fields, texts));
  if (texts.length > 0) sections.push('X' + texts.join(''));
  return PREFIX + sections.join('|');
}

function encodeVideo(video: VideoProgress): string {
  const watched = video.watched === undefined ? '' : video.watched ? '1' : '0';
  return [base36(clampInt(video.position, MAX_VIDEO_SECONDS)), watched, ...normalizeSegments(video.segments).flat().map(base36)].join(',');
}

function encodeQuiz(quiz: QuizProgress, def: RuntimeQuiz, texts: string[]): string {
  const flags = (quiz.passed ? FLAG_PASSED : 0) | (quiz.submitted ? FLAG_SUBMITTED : 0);
  const salt = saltFor(def.questions.map(questionKey));
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  // The order is written as the sequence of the questions themselves: none is named twice.
  const order = (quiz.order ?? []).filter((id) => questions.has(id));
  const head = [
    base36(salt) + base36(clampInt(quiz.attempts, MAX_QUIZ_ATTEMPTS)),
    encodeScore(quiz.score),
    encodeScore(quiz.best),
    base36(flags),
    ...(quiz.order ? [base36(order.length)] : []),
  ].join(',');
  const entry = (questionId: string): string => {
    const question = questions.get(questionId)!;
    const values = own(quiz.answers, questionId);
    return refOf(questionKey(question), salt) + (values ? encodeAnswer(question, values, texts) : '!');
  };
  const answered = Object.keys(quiz.answers).filter((id) => !order.includes(id) && questions.has(id));
  const questionsText = [...order, ...answered].map(entry);
  return questionsText.length > 0 ? `${head}!${questionsText.join(',')}` : head;
}

function encodeScore(score: number | null): string {
  return score === null || !Number.isFinite(score) ? '' : base36(Math.round(clamp(score, 0, 100) * 100));
}

/** Checklists inline; texts go to `texts` (the X section), leaving their length here. */
function encodeTool(fields: Record<string, string | string[]>, texts: string[]): string {
  return Object.entries(fields)
    .map(([fieldId, value]) => {
      if (typeof value !== 'string') return `${escapeValue(fieldId)}!${value.map(escapeValue).join('*')}`;
      const stored = toStoredText(value);
      texts.push(stored);
      return `${escapeValue(fieldId)}*${base36(stored.length)}`;
    })
    .join(',');
}

/**
 * Sort, round to whole seconds, clamp, merge overlapping or touching segments, then merge
 * the closest neighbours until at most `MAX_VIDEO_SEGMENTS` remain (crediting the small gaps
 * between them rather than forgetting what was watched).
 */
export function normalizeSegments(segments: readonly (readonly [number, number])[]): [number, number][] {
  const merged = mergeSegments(segments.map(([s, e]): [number, number] => [clampInt(s, MAX_VIDEO_SECONDS), clampInt(e, MAX_VIDEO_SECONDS)]));
  const gapAfter = (i: number): number => merged[i + 1]![0] - merged[i]![1];
  while (merged.length > MAX_VIDEO_SEGMENTS) {
    let closest = 0;
    for (let i = 1; i < merged.length - 1; i++) if (gapAfter(i) < gapAfter(closest)) closest = i;
    const [left, right] = [merged[closest]!, merged[closest + 1]!];
    merged.splice(closest, 2, [left[0], Math.max(left[1], right[1])]);
  }
  return merged;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function clampInt(n: number, max: number): number {
  return Number.isFinite(n) ? clamp(Math.round(n), 0, max) : 0;
}

// ---------------------------------------------------------------------------------------
// Decoding: every part is checked against the course; what no longer matches is dropped.

/**
 * Why a saved state cannot be read at all: `newer`, written in a later format than this
 * runtime's (a newer package of the course); `unreadable`, in no format (foreign or corrupt).
 * Undefined when there is none or it can be read. decodeState gives an empty state for both:
 * the runtime then says so and keeps the LMS's copy until the learner does something.
 */
export function unreadableState(text: string | null): 'newer' | 'unreadable' | undefined {
  if (!text?.trim()) return undefined;
  const version = Number(VERSION_PREFIX.exec(text)?.[1]);
  return version > FORMAT_VERSION ? 'newer' : version >= 1 ? undefined : 'unreadable';
}

/**
 * Read a saved state for `course`. A missing, foreign or corrupt string, or parts written by
 * another build, never throw: what still matches the course's ids is kept. A later format is
 * not read at all (its sections may mean something else).
 */
export function decodeState(text: string | null, course: RuntimeCourse): LearnerState {
  const state = emptyLearnerState();
  const version = text ? VERSION_PREFIX.exec(text) : null;
  if (!text || !version || unreadableState(text)) return state;
  let index: CourseIndex;
  try {
    index = indexCourse(course);
  } catch {
    return state;
  }
  const p1 = Number(version[1]) === 1;
  const body = text.slice(version[0].length);
  // Everything before the raw texts is escaped, so the first unescaped `|X` starts them.
  let textsAt = indexOfUnescaped(body, '|');
  while (textsAt >= 0 && body.charAt(textsAt + 1) !== 'X') textsAt = indexOfUnescaped(body, '|', textsAt + 1);
  const texts = textsAt < 0 ? '' : body.slice(textsAt + 2);
  /** How far the lengths read so far consumed `texts`; -1 once a length cannot be trusted. */
  let textsOffset = 0;
  /** The next raw text, `length` (base 36) long; undefined once lost. */
  const take = (length: string): string | undefined => {
    const n = readNumber(length);
    if (textsOffset < 0 || n === undefined || textsOffset + n > texts.length) {
      textsOffset = -1;
      return undefined;
    }
    const start = textsOffset;
    textsOffset += n;
    return fromStoredText(texts.slice(start, textsOffset));
  };

  for (const section of splitUnescaped(textsAt < 0 ? body : body.slice(0, textsAt), '|')) {
    const payload = section.slice(1);
    try {
      switch (section.charAt(0)) {
        case 'L':
          state.location = checkLocation(unescapeValue(payload), index);
          break;
        case 'V':
          state.visited = unique(p1 ? splitList(payload).map(unescapeValue) : fromRefs(payload, [...index.activities.keys()])).filter((id) =>
            index.activities.has(id),
          );
          break;
        case 'F': {
          const finished = unique(fromRefs(payload, [...index.activities.keys()]));
          if (finished.length > 0) state.finished = finished;
          break;
        }
        case 'W':
          for (const [id, entry] of entries(payload)) if (activityOf(index, id, 'video')) setOwn(state.videos, id, decodeVideo(entry));
          break;
        case 'Q':
          // Every entry is read, known quiz or not, so each text's place in X is found.
          for (const [id, entry] of entries(payload)) {
            const quiz = activityOf(index, id, 'quiz');
            const progress = decodeQuiz(entry, quiz?.questions ?? [], p1, take);
            if (quiz) setOwn(state.quizzes, id, progress);
          }
          break;
        case 'T':
          // Every entry is read, known tool or not, so each text's place in X is found.
          for (const [id, entry] of entries(payload)) {
            const tool = activityOf(index, id, 'tool');
            const values = decodeTool(entry, tool?.fields ?? [], take);
            if (tool) setOwn(state.tools, id, values);
          }
          break;
        default:
        // A section from a later format version: skipped.
      }
    } catch {
      // A section that cannot be read is left out; the others still count.
    }
  }
  return state;
}

function checkLocation(location: string, index: CourseIndex): string {
  if (index.steps.has(location)) return location;
  // `<stepId>/<activityId>`; ids may themselves hold a `/`, so try every split.
  let fallback = '';
  for (let slash = location.indexOf('/'); slash !== -1; slash = location.indexOf('/', slash + 1)) {
    const stepId = location.slice(0, slash);
    if (!index.steps.has(stepId)) continue;
    if (index.activities.get(location.slice(slash + 1))?.[0] === stepId) return location;
    // The activity may have moved or gone: fall back to the start of its step.
    fallback ||= stepId;
  }
  return fallback;
}

/** `id=body;id=body` → [unescaped id, raw body] pairs. */
function entries(payload: string): [string, string][] {
  return splitList(payload, ';').flatMap((entry): [string, string][] => {
    const eq = indexOfUnescaped(entry, '=');
    return eq > 0 ? [[unescapeValue(entry.slice(0, eq)), entry.slice(eq + 1)]] : [];
  });
}

function decodeVideo(body: string): VideoProgress {
  const [position, watched, ...times] = splitUnescaped(body, ',');
  const numbers = times.map(readNumber);
  const segments: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const [start, end] = [numbers[i], numbers[i + 1]];
    if (start !== undefined && end !== undefined) segments.push([start, end]);
  }
  const video: VideoProgress = { segments: normalizeSegments(segments), position: Math.min(readNumber(position) ?? 0, MAX_VIDEO_SECONDS) };
  if (watched === '1' || watched === '0') video.watched = watched === '1';
  return video;
}

function decodeQuiz(text: string, questions: RuntimeQuestion[], p1: boolean, take: (length: string) => string | undefined): QuizProgress {
  // p2 starts with the salt of the question references.
  const salt = p1 ? 0 : (readNumber(text.charAt(0)) ?? 0);
  const body = p1 ? text : text.slice(1);
  const split = indexOfUnescaped(body, '!');
  const [head, questionText] = split < 0 ? [body, ''] : [body.slice(0, split), body.slice(split + 1)];
  const [attempts, score, best, flags, shown] = splitUnescaped(head, ',');
  const flagBits = readNumber(flags) ?? 0;
  const progress: QuizProgress = {
    attempts: Math.min(readNumber(attempts) ?? 0, MAX_QUIZ_ATTEMPTS),
    score: readScore(score),
    best: readScore(best),
    passed: (flagBits & FLAG_PASSED) !== 0,
    answers: record(),
    submitted: (flagBits & FLAG_SUBMITTED) !== 0,
  };
  const byRef = refIndex(questions.map(questionKey), salt);
  const length = refLength(salt);
  const shownCount = readNumber(shown);
  const order: string[] = [];
  splitList(questionText).forEach((entry, position) => {
    // Values never end in a raw `!` (it is escaped), so a final `!` marks "not answered".
    const answered = !entry.endsWith('!');
    const item = answered ? entry : entry.slice(0, -1);
    let question: RuntimeQuestion | undefined;
    let values: string[];
    if (p1) {
      const [questionId = '', ...rest] = splitUnescaped(item, '*').map(unescapeValue);
      question = questions.find((q) => q.id === questionId);
      // p1 wrote ids: only choices still there count. Questions without choices keep their values as typed.
      const choiceIds = question?.choices.map((c) => c.id) ?? [];
      values = choiceIds.length ? unique(rest).filter((v) => choiceIds.includes(v)) : rest;
    } else {
      question = questions[byRef.get(item.slice(0, length)) ?? -1];
      // Read even for a question that is gone: its texts must be consumed.
      values = decodeAnswer(question, item.slice(length), take);
    }
    if (!question) return;
    if (shownCount !== undefined && position < shownCount) order.push(question.id);
    if (answered) setOwn(progress.answers, question.id, values);
  });
  if (shownCount !== undefined) progress.order = unique(order);
  return progress;
}

function decodeTool(body: string, fields: RuntimeTool['fields'], take: (length: string) => string | undefined): Record<string, string | string[]> {
  const values = record<string | string[]>();
  for (const item of splitList(body)) {
    const mark = indexOfUnescaped(item, '*!');
    if (mark <= 0) continue;
    const fieldId = unescapeValue(item.slice(0, mark));
    const field = fields.find((f) => f.id === fieldId);
    const payload = item.slice(mark + 1);
    if (item.charAt(mark) === '*') {
      const text = take(payload);
      if (text !== undefined && field?.type === 'text') setOwn(values, field.id, truncate(text, field.maxLength));
    } else if (field?.type === 'checklist') {
      setOwn(values, field.id, unique(splitList(payload, '*').map(unescapeValue)).filter((i) => field.items.includes(i)));
    }
  }
  return values;
}

/** The ids whose references `payload` lists, after its salt (state-refs.ts). */
function fromRefs(payload: string, ids: string[]): string[] {
  const salt = readNumber(payload.charAt(0)) ?? 0;
  const index = refIndex(ids, salt);
  const found: string[] = [];
  for (let i = 1, length = refLength(salt); i + length <= payload.length; i += length) {
    const id = ids[index.get(payload.slice(i, i + length)) ?? -1];
    if (id !== undefined) found.push(id);
  }
  return found;
}

/** Split a list; an empty string is an empty list. */
function splitList(text: string, separator = ','): string[] {
  return text === '' ? [] : splitUnescaped(text, separator);
}

function readNumber(text: string | undefined): number | undefined {
  return text && /^[0-9a-z]{1,4}$/.test(text) ? parseInt(text, 36) : undefined;
}

function readScore(text: string | undefined): number | null {
  const hundredths = readNumber(text);
  return hundredths === undefined ? null : Math.min(hundredths, 10_000) / 100;
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength));
  // Never end on half of a surrogate pair.
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
