/**
 * The parse cache (src/load/parse-cache.ts) hands the loader a file as a fresh parse would: the
 * same data and every diagnostic at the same file:line:column, whatever path a check asks about
 * (present, missing, past a value, a list index written `01`). Checked on every YAML file of the
 * fixtures and the sample course; then end to end through the bundled command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/load/context.js';
import { YamlFile } from '../../src/load/yaml-file.js';
import { ensureBuilt, repoRoot, runCli } from '../cli/run-cli.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => path.join(dir, f));
}

/** Every path the data holds, each also with a step too far, a missing key and an index written otherwise. */
function pathsToAsk(data: unknown): PathSegment[][] {
  const paths: PathSegment[][] = [];
  const walk = (value: unknown, at: PathSegment[]) => {
    paths.push(at, [...at, 'missing'], [...at, 0], [...at, 'x', 1]);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...at, i]));
      if (value.length > 1) paths.push([...at, '01'], [...at, String(value.length - 1)], [...at, -0]);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
    }
  };
  walk(data, []);
  return paths;
}

const where = (yaml: YamlFile, at: PathSegment[]) => {
  const node = yaml.root().at(...at);
  const text = yaml.sourceText(at);
  return { loc: node.loc(), keyLoc: node.keyLoc(), text, found: text ? node.find(text.slice(0, 3)) : undefined };
};

describe('the parse cache', () => {
  const files = [...yamlFiles(path.join(repoRoot, 'test', 'fixtures')), ...yamlFiles(path.join(repoRoot, 'course'))];

  it('gives back every place a fresh parse gives, for every YAML file of the fixtures and the sample', () => {
    let kept = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const fresh = YamlFile.parseSource('f.yaml', source);
      if (!fresh.parsed) continue;
      kept++;
      // Through JSON, as the disk cache stores it.
      const cached = YamlFile.fromParsed('f.yaml', source, JSON.parse(JSON.stringify(fresh.parsed)));
      expect(cached.data, file).toEqual(fresh.yaml.data);
      for (const at of pathsToAsk(fresh.yaml.data)) expect(where(cached, at), `${file} ${JSON.stringify(at)}`).toEqual(where(fresh.yaml, at));
    }
    expect(kept).toBeGreaterThan(50);
  });

  it('keeps nothing of a file with a problem or an alias', () => {
    expect(YamlFile.parseSource('f.yaml', 'a: 1\na: 2\n').parsed).toBeUndefined();
    expect(YamlFile.parseSource('f.yaml', 'a: [1\n').parsed).toBeUndefined();
    expect(YamlFile.parseSource('f.yaml', 'a: &x 1\nb: *x\n').parsed).toBeUndefined();
    expect(YamlFile.parseSource('f.yaml', 'a: 1\nb: [2, 3]\n').parsed).toBeDefined();
  });

  describe('in the command', () => {
    let work: string;
    beforeAll(async () => {
      ensureBuilt();
      work = await mkdtemp(path.join(os.tmpdir(), 'parcours-parse-cache-'));
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    it('reports the same diagnostics, at the same places, from kept files as from a fresh parse', async () => {
      const course = path.join(work, 'course');
      await cp(path.join(repoRoot, 'test', 'fixtures', 'invalid', 'several-problems'), course, { recursive: true });
      const env = { PARCOURS_CACHE_DIR: path.join(work, 'cache') };
      const first = runCli(['validate', course, '--json'], { env });
      expect(first.status).toBe(1);
      expect((await readdir(env.PARCOURS_CACHE_DIR)).filter((f) => f.startsWith('yaml-')).length).toBeGreaterThan(0);
      const second = runCli(['validate', course, '--json'], { env });
      expect(second.stdout).toBe(first.stdout);
      expect(runCli(['validate', course, '--json'], { env: { PARCOURS_CACHE: 'off' } }).stdout).toBe(first.stdout);
      expect(JSON.parse(first.stdout).diagnostics.length).toBeGreaterThan(1);
    });
  });
});
