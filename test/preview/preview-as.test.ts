/** `parcours preview --as`: what it accepts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, minimalCourse, runCli } from '../cli/run-cli.js';

beforeAll(() => ensureBuilt());

describe('parcours preview --as', () => {
  it('names what it accepts for anything else', () => {
    const run = runCli(['preview', minimalCourse, '--port', '0', '--as', 'scorm2004']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('choose one of scorm12, xapi, cmi5, standalone.');
  });

  it('lists the choices in --help', () => {
    const run = runCli(['preview', '--help']);
    expect(run.stdout).toMatch(/--as <standard>[\s\S]*scorm12[\s\S]*xapi, cmi5[\s\S]*standalone[\s\S]*\(default: "scorm12"\)/);
  });

  it('takes the flags of `build` that change the package, declared once for both commands', () => {
    const preview = runCli(['preview', '--help']).stdout;
    const build = runCli(['build', '--help']).stdout;
    for (const flag of ['--lms <name>', '--report-status-as <pair>', '--no-mastery-score', '--running-score', '--answers <format>', '--cmi5-au-per-step']) {
      expect(preview).toContain(flag);
      expect(build).toContain(flag);
    }
    const run = runCli(['preview', minimalCourse, '--port', '0', '--report-status-as', 'passed/done']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("argument 'passed/done' is invalid");
  });
});
