/**
 * `parcours init [dir]`: create a course that validates and builds at once, and say what to
 * run next. Its flags: src/cli/init-definition.ts.
 */
import path from 'node:path';
import { printable } from '../diagnostics/printable.js';
import { displayPath, EXIT_COURSE_ERRORS } from './output.js';
import type { InitCommandOptions } from './init-definition.js';

export async function initCommand(dir: string, options: InitCommandOptions): Promise<void> {
  const { initCourse, InitRefusedError } = await import('../init/index.js');
  let result;
  try {
    result = await initCourse({ dir, language: options.lang, title: options.title, force: options.force });
  } catch (error) {
    if (!(error instanceof InitRefusedError)) throw error;
    // It names the folder and what it holds: names anyone may have chosen.
    process.stderr.write(`parcours: ${printable(error.message)}\n`);
    process.exitCode = EXIT_COURSE_ERRORS;
    return;
  }

  const shown = displayPath(result.dir);
  const heading = result.kept.length > 0 ? `Added the missing course files to ${shown}${path.sep}:` : `Created course "${result.courseId}" in ${shown}${path.sep}:`;
  const lines = [heading, ...result.written.map((f) => `  ${f}`)];
  if (result.kept.length > 0) {
    lines.push('Already there, left as they were:', ...result.kept.map((f) => `  ${f}`));
  }
  if (result.schemas === 'copied') {
    lines.push('The $schema lines point at schema/, a copy of this version\'s JSON Schemas: your editor completes fields from them.');
  }
  const inside = path.resolve(dir) === process.cwd();
  lines.push(
    '',
    'Next steps:',
    ...(inside ? [] : [`  cd ${quote(shown)}`]),
    '  npx parcours preview               see it as a learner will, rebuilt on every save',
    '  npx parcours validate              check it: every problem with file:line:column and a hint',
    '  npx parcours build --target all    the packages (SCORM 1.2 and 2004, xAPI, cmi5), in dist/',
    '  npx parcours verify dist/*.zip     what an LMS will make of them, before you upload',
  );
  process.stdout.write(lines.map(printable).join('\n') + '\n');
}

/** A path as a shell would need it typed. */
function quote(p: string): string {
  return /^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
