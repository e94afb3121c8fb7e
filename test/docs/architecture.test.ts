/** docs/architecture.md says each stage of the pipeline has one public entry, its index.ts: keep it true. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('gives every stage of the pipeline diagram an index.ts', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const diagram = /```\n([\s\S]*?)```/.exec(doc)![1]!;
  // A stage starts a line of the diagram (`write/`, `package/targets/`), after `│  ` or `──► `; the
  // folders named in a stage's description (`diagnostics/`, `templates/`) are not stages.
  const stages = [...new Set([...diagram.matchAll(/(?:^|│ {2}|──► )([a-z]+)\//gm)].map((m) => m[1]!))].filter((name) =>
    fs.existsSync(path.join(root, 'src', name)),
  );
  expect(stages).toEqual(expect.arrayContaining(['load', 'render', 'package', 'write']));
  for (const stage of stages) expect(fs.existsSync(path.join(root, 'src', stage, 'index.ts')), `src/${stage}/index.ts`).toBe(true);
});
