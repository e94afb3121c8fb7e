/** `parcours preview --as`: what it accepts, and what it says for the previews not there yet. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, minimalCourse, runCli } from '../cli/run-cli.js';

beforeAll(() => ensureBuilt());

describe('parcours preview --as', () => {
  it('says xapi and cmi5 are not in the preview yet, and what to do instead', () => {
    for (const standard of ['xapi', 'cmi5']) {
      const run = runCli(['preview', minimalCourse, '--port', '0', '--as', standard]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${standard} is not available in the preview yet`);
      expect(run.stderr).toContain(`Use --as scorm12, or build with --target ${standard} and try the package in your LMS.`);
    }
  });

  it('names what it accepts for anything else', () => {
    const run = runCli(['preview', minimalCourse, '--port', '0', '--as', 'scorm2004']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('choose one of scorm12, standalone.');
  });

  it('lists the choices in --help', () => {
    const run = runCli(['preview', '--help']);
    expect(run.stdout).toMatch(/--as <standard>[\s\S]*scorm12[\s\S]*standalone[\s\S]*\(default: "scorm12"\)/);
  });
});
