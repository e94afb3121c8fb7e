/** The sample course in course/ is what `npm run course` packages: it must be clean. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/load/index.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';

const courseDir = fileURLToPath(new URL('../../course/', import.meta.url));

describe('the sample course', () => {
  it('validates with no error and no warning', async () => {
    const { course, diagnostics } = await loadCourse(courseDir);
    const report = formatDiagnostics(diagnostics, {
      color: false,
      readFile: (file) => fs.readFileSync(path.join(courseDir, file), 'utf8'),
    });
    expect(diagnostics, report).toEqual([]);
    expect(course?.steps.length).toBeGreaterThan(0);
  });
});
