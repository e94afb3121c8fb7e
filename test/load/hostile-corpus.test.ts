/**
 * The hostile-course corpus (test/fixtures/hostile/corpus.ts) through the real CLI, as a user
 * runs it: `validate` and `build --target all` each end with the case's diagnostic at its
 * file:line:column, exit 1, no zip, nothing of what lies outside the course in the output, no
 * raw control character, within a 256 MB heap (a run past it dies, exit ≠ 1) and a generous
 * time limit (a hang fails; nothing is timed).
 *
 * `build` runs through the CLI for every case. `validate` does too for the cases about resources
 * (size, depth, aliases, a pipe, a loop of links: bounded memory and time are what they test) and
 * printing (terminal escapes); for the cases about what a course may reach or package (links out,
 * active content), its diagnostics are read in-process, from the same `validate()` and JSON form
 * the command prints, which spares a CLI start-up (~1.5 s of CPU) per case while the case's build
 * run still checks exit code, printing and heap through the CLI.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, materialise } from '../fixtures/hostile/corpus.js';
import { SLOW_TEST_TIMEOUT_MS } from '../support/timeouts.js';
import { bin, ensureBuilt } from '../cli/run-cli.js';
import { diagnosticsToJson } from '../../src/diagnostics/format.js';
import { validate } from '../../src/validate.js';

/** Diagnostics of what a course may reach or package: checked in-process by `validate` (see above). */
const CONTAINMENT_CODES = new Set(['PATH_OUTSIDE_COURSE', 'UNSUPPORTED_MEDIA_TYPE', 'ACTIVE_CONTENT']);

/** Raw controls a terminal would act on (newlines are layout). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A value the CLI has in its environment: /proc/self/environ must not bring it into the output. */
const ENV_SECRET = 'corpus-secret-3f9a1c';
const PASSWD_FIRST_LINE = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'root:x:0:0';

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI with its heap capped, killed (and so failing) if it outlives the test's time. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', bin, ...args], {
      env: { ...process.env, NO_COLOR: '1', PARCOURS_CORPUS_SECRET: ENV_SECRET },
      timeout: SLOW_TEST_TIMEOUT_MS - 10_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

let work: string;
beforeAll(() => {
  ensureBuilt();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-hostile-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the hostile-course corpus', () => {
  it('starts from a base course that builds', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
    const courseDir = path.join(work, 'base');
    materialise({ name: 'base', attack: '', expected: { code: '', file: '', line: 0, column: 0 } }, courseDir);
    const run = await cli(['build', courseDir, '--target', 'all', '--out', path.join(work, 'base-dist')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.readdirSync(path.join(work, 'base-dist'))).toHaveLength(4);
  });

  describe.each(hostileCases)('$name: $attack', (hostile) => {
    const courseDir = () => path.join(work, hostile.name, 'course');
    const outDir = () => path.join(work, hostile.name, 'dist');
    beforeAll(() => materialise(hostile, courseDir()));

    const located = (diagnostics: { code: string; file: string | null; line: number | null; column: number | null }[]) =>
      diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }));

    if (CONTAINMENT_CODES.has(hostile.expected.code)) {
      it('validate (in-process): the diagnostic at its place, not ok', async () => {
        const result = await validate(courseDir());
        expect(result.ok).toBe(false);
        expect(located(diagnosticsToJson(result.diagnostics, courseDir()).diagnostics)).toContainEqual(hostile.expected);
      });
    } else {
      it('validate: the diagnostic at its place, exit 1', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
        const run = await cli(['validate', courseDir(), '--json']);
        expect(run.signal, run.stderr).toBeNull();
        expect(run.status, run.stderr).toBe(1);
        expect(run.stdout).not.toMatch(RAW_CONTROL);
        const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; column: number }[] };
        expect(located(diagnostics)).toContainEqual(hostile.expected);
      });
    }

    it('build: the same diagnostic in the terminal, exit 1, no zip, nothing from outside', { timeout: SLOW_TEST_TIMEOUT_MS }, async () => {
      const run = await cli(['build', courseDir(), '--target', 'all', '--out', outDir()]);
      expect(run.signal, run.stderr).toBeNull();
      expect(run.status, run.stderr).toBe(1);
      const output = run.stdout + run.stderr;
      expect(output).toContain(hostile.expected.code);
      expect(output).toContain(`${hostile.expected.file}:${hostile.expected.line}:${hostile.expected.column}`);
      expect(output).toContain('No package written.');
      expect(output).not.toMatch(RAW_CONTROL);
      expect(output).not.toContain(PASSWD_FIRST_LINE);
      expect(output).not.toContain(ENV_SECRET);
      expect(fs.existsSync(outDir()) ? fs.readdirSync(outDir()) : []).toEqual([]);
    });
  });
});
