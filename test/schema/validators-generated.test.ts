import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ajvWithSchemas, schemaDigest, validatorsSource } from '../../src/schema/standalone.js';
import * as generated from '../../src/schema/validators.generated.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const generatedFile = path.join(repoRoot, 'src/schema/validators.generated.ts');

/** Every course.yaml and step file of the fixtures and the sample course, valid or not. */
function yamlFiles(): string[] {
  const dirs = ['test/fixtures/invalid', 'test/fixtures/valid', 'course'].map((d) => path.join(repoRoot, d));
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(dir, f)),
  );
}

describe('ahead-of-time schema validators (src/schema/validators.generated.ts)', () => {
  it('are what `npm run build` generates from the schemas in force', async () => {
    const committed = fs.readFileSync(generatedFile, 'utf8');
    // Said first and plainly: a schema edit without `npm run build` only costs speed (the digest differs, ajv compiles).
    expect(generated.schemaDigest, 'schemas changed: run `npm run build` (scripts/generate-validators.ts)').toBe(schemaDigest());
    expect(committed === (await validatorsSource()), 'run `npm run build` (scripts/generate-validators.ts)').toBe(true);
  });

  it('report the same errors as ajv compiling the schemas, on every fixture', () => {
    const ajv = ajvWithSchemas();
    const files = yamlFiles();
    expect(files.length).toBeGreaterThan(50);
    let failing = 0;
    for (const file of files) {
      let data: unknown;
      try {
        data = parse(fs.readFileSync(file, 'utf8'));
      } catch {
        continue; // a YAML syntax fixture
      }
      const name = path.basename(file) === 'course.yaml' ? 'course' : 'step';
      const fresh = ajv.getSchema(name)!;
      const ahead = generated[name] as typeof fresh;
      const valid = ahead(data);
      expect(valid, file).toBe(fresh(data));
      if (!valid) failing++;
      // Through JSON: the compiled schemas carry TypeBox's symbol keys, the generated ones are plain data.
      expect(JSON.parse(JSON.stringify(ahead.errors ?? null)), file).toEqual(JSON.parse(JSON.stringify(fresh.errors ?? null)));
    }
    expect(failing).toBeGreaterThan(5); // the comparison covered errors, not only valid files
  });
});
