/**
 * What a `parcours` process loaded, for the start-up tests: packages under node_modules (`yaml`),
 * Node's built-in modules (`node:http`) and Parcours' own sources (`src/write/zip.ts`).
 * trace-imports.mjs records every file the process imported; lib/ is a bundle (scripts/bundle-cli.ts),
 * whose metafile (lib/meta.json) tells which packages and sources each of its files holds.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { bin, repoRoot } from './run-cli.js';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** Runs `parcours <args>` (which must exit 0) with the import trace written to `traceFile`. */
export async function loadedModules(args: string[], traceFile: string): Promise<Set<string>> {
  const run = spawnSync(process.execPath, ['--import', path.join(repoRoot, 'test/cli/trace-imports.mjs'), bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PARCOURS_IMPORT_TRACE: traceFile },
  });
  expect(run.status, run.stderr).toBe(0);
  const meta = JSON.parse(await readFile(path.join(repoRoot, 'lib', 'meta.json'), 'utf8')) as Metafile;
  const loaded = new Set<string>();
  const add = (file: string) => {
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
    if (pkg) loaded.add(pkg);
    else if (file.startsWith('src/') || file.startsWith('node:')) loaded.add(file);
  };
  for (const url of (await readFile(traceFile, 'utf8')).split('\n').filter(Boolean)) {
    if (!url.startsWith('file:')) {
      add(url);
      continue;
    }
    const file = path.relative(repoRoot, fileURLToPath(url)).split(path.sep).join('/');
    add(file);
    for (const input of Object.keys(meta.outputs[file]?.inputs ?? {})) add(input);
  }
  return loaded;
}
