/** Loading runs on every rebuild, on the author's own folder: it must never change it. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every entry under `dir` with its size and modification time. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const stat = fs.lstatSync(full);
      entries.push(`${path.relative(dir, full)} ${entry.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return entries.sort();
}

const courses = [
  path.join(fixtures, 'valid/minimal'),
  path.join(fixtures, 'invalid/several-problems'),
  path.join(fixtures, 'invalid/YAML_SYNTAX'),
  path.join(fixtures, 'invalid/FILE_NOT_FOUND'),
];

describe('loadCourse', () => {
  it.each(courses)('writes nothing in %s', async (dir) => {
    const before = snapshot(dir);
    await loadCourse(dir);
    await loadCourse(dir);
    expect(snapshot(dir)).toEqual(before);
  });
});
