/**
 * What the real CLI prints is safe to show in a terminal and says what to do: course text with
 * terminal escape sequences is escaped (text and JSON), and a failed file operation names the
 * file and the remedy instead of raw errno text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyCourse, type TinyCourse } from '../load/course-files-gate.js';
import { ensureBuilt, runCli } from './run-cli.js';

/** Raw controls a terminal would act on (newlines and tabs are layout). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let course: TinyCourse;
beforeAll(() => {
  ensureBuilt();
  course = writeTinyCourse({});
  // A step id that retitles the terminal window, clears the screen and (C1 CSI) paints red;
  // the same sequences written raw in a comment on that line, which the code frame shows.
  const step = path.join(course.courseDir, 'steps', '01.yaml');
  fs.writeFileSync(
    step,
    fs.readFileSync(step, 'utf8').replace('id: first', 'id: "\\e]0;owned\\a\\e[2J\\u009b31mfirst" # \u001b]0;owned-too\u0007\u001b[2J'),
  );
});
afterAll(() => course.remove());

describe('course text in the terminal', () => {
  it('prints diagnostics with escape sequences escaped, in the message and the code frame', () => {
    const run = runCli(['validate', course.courseDir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('INVALID_ID');
    expect(run.stdout).toContain('Invalid id `\\x1b]0;owned\\x07\\x1b[2J\\x9b31mfirst`');
    expect(run.stdout).toContain('# \\x1b]0;owned-too\\x07\\x1b[2J');
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('prints JSON with no raw control character, carrying the same text', () => {
    const run = runCli(['validate', course.courseDir, '--json']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const result = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(result.diagnostics.find((d) => d.code === 'INVALID_ID')?.message).toContain('\u001b]0;owned\u0007\u001b[2J\u009b31mfirst');
  });

  it('builds nothing and prints the same escaped text', () => {
    const out = path.join(course.work, 'dist');
    const run = runCli(['build', course.courseDir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});

describe('I/O failures', () => {
  it('says which output folder cannot be created, why and what to do', () => {
    const valid = writeTinyCourse({});
    try {
      const blocker = path.join(valid.work, 'dist');
      fs.writeFileSync(blocker, 'a file where the output folder should be\n');
      const run = runCli(['build', valid.courseDir, '--out', blocker]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `parcours: cannot create the folder \`${blocker}\`: something of that name is in the way. Remove or rename it, or choose another output folder with --out.\n`,
      );
    } finally {
      valid.remove();
    }
  });
});
