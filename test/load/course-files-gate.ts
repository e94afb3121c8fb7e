/**
 * A small course written in a temporary folder for the containment tests: one step with a
 * sheet (its body a Markdown file) and optional attachments, beside a secret file outside
 * the course that nothing may reach.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SECRET = 'SECRET-TOKEN-do-not-leak';

export interface TinyCourse {
  /** The temporary folder holding the course folder and the secret. */
  work: string;
  courseDir: string;
  /** A file outside the course. */
  secretFile: string;
  /** A folder outside the course, holding secret.txt. */
  secretDir: string;
  remove(): void;
}

export interface TinyCourseContent {
  /** The sheet's Markdown file (sheets/sheet.md). */
  sheet?: string;
  /** The step's inline Markdown introduction. */
  introduction?: string;
  /** Attachment paths of the sheet. */
  attachments?: string[];
}

export function writeTinyCourse(content: TinyCourseContent = {}): TinyCourse {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-gate-'));
  const courseDir = path.join(work, 'course');
  const secretDir = path.join(work, 'private');
  fs.mkdirSync(secretDir);
  const secretFile = path.join(secretDir, 'secret.txt');
  fs.writeFileSync(secretFile, `${SECRET}\n`);
  for (const dir of ['steps', 'sheets', 'files']) fs.mkdirSync(path.join(courseDir, dir), { recursive: true });
  fs.writeFileSync(path.join(courseDir, 'files', 'notes.pdf'), '%PDF-1.4 notes\n');
  fs.writeFileSync(
    path.join(courseDir, 'course.yaml'),
    ['id: tiny', 'title: Tiny', 'language: en', 'description: A tiny course.', 'steps:', '  - steps/01.yaml', ''].join('\n'),
  );
  const attachments = content.attachments ?? [];
  fs.writeFileSync(
    path.join(courseDir, 'steps', '01.yaml'),
    [
      'id: first',
      'title: First',
      'duration: 5 min',
      ...(content.introduction === undefined ? [] : [`introduction: ${JSON.stringify(content.introduction)}`]),
      'activities:',
      '  - kind: sheet',
      '    id: the-sheet',
      '    title: The sheet',
      '    body: { file: sheets/sheet.md }',
      ...(attachments.length === 0 ? [] : ['    attachments:', ...attachments.flatMap((src) => ['      - title: A file', `        src: ${JSON.stringify(src)}`])]),
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(courseDir, 'sheets', 'sheet.md'), content.sheet ?? '# Sheet\n\nSome text.\n');
  return { work, courseDir, secretFile, secretDir, remove: () => fs.rmSync(work, { recursive: true, force: true }) };
}
