/**
 * The documentation's command-line examples show what the CLI prints today (marked blocks,
 * scripts/cli-examples.ts): run `npm run docs` after changing what it prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliExamples, runExample, shownExample } from '../../scripts/cli-examples.js';
import { ensureBuilt, repoRoot } from '../cli/run-cli.js';

beforeAll(() => ensureBuilt());

describe('CLI examples in the documentation', () => {
  it.each(cliExamples.map((e) => [e.id, e] as const))('%s is what the CLI prints (npm run docs refreshes it)', (_, example) => {
    const doc = fs.readFileSync(path.join(repoRoot, example.doc), 'utf8');
    const shown = shownExample(doc, example.id);
    expect(shown, `${example.doc} lacks the markers of ${example.id}`).toBeDefined();
    expect(shown).toBe(runExample(example));
  });
});
