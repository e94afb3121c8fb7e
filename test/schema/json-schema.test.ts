/**
 * The published JSON Schema, used the way an editor uses it (plain draft-07, no ajv
 * discriminator), on YAML parsed to JSON: it accepts valid courses and rejects the invalid
 * fixtures whose problem is structural, and only those.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogue, type DiagnosticCode } from '../../src/diagnostics/catalogue.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures');

const ajv = new Ajv({ allErrors: true, strict: false });
const courseSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, 'schema/course.schema.json'), 'utf8')) as object);
const stepSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, 'schema/step.schema.json'), 'utf8')) as object);

/** The YAML files of a course folder: course.yaml and its steps/. */
function yamlFiles(dir: string): string[] {
  const stepsDir = path.join(dir, 'steps');
  const steps = fs.existsSync(stepsDir) ? fs.readdirSync(stepsDir).map((f) => `steps/${f}`) : [];
  return ['course.yaml', ...steps].filter((f) => fs.existsSync(path.join(dir, f)));
}

function schemaAccepts(dir: string, file: string): boolean {
  const validate: ValidateFunction = file === 'course.yaml' ? courseSchema : stepSchema;
  return validate(parse(fs.readFileSync(path.join(dir, file), 'utf8')));
}

const validCourses = [path.join(fixtures, 'valid/minimal'), path.join(repo, 'course')].filter((d) =>
  fs.existsSync(path.join(d, 'course.yaml')),
);

describe('JSON Schema (as editors use it)', () => {
  it.each(validCourses)('accepts every file of %s', (dir) => {
    for (const file of yamlFiles(dir)) expect(schemaAccepts(dir, file), file).toBe(true);
  });

  const invalidRoot = path.join(fixtures, 'invalid');
  const codeFolders = fs
    .readdirSync(invalidRoot)
    // YAML_* fixtures are files YAML cannot read as written (syntax, indentation, nesting, aliases): no schema applies.
    .filter((name): name is DiagnosticCode => name in catalogue && !name.startsWith('YAML_') && name !== 'COURSE_NOT_FOUND');

  it.each(codeFolders.filter((code) => catalogue[code].structural))('rejects the %s fixture', (code) => {
    const dir = path.join(invalidRoot, code);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { code: string; file: string }[];
    const file = expected.find((d) => d.code === code)?.file;
    expect(file).toBeDefined();
    expect(schemaAccepts(dir, file!)).toBe(false);
  });

  it.each(codeFolders.filter((code) => !catalogue[code].structural))(
    'accepts the %s fixture, whose problem only `parcours validate` sees',
    (code) => {
      const dir = path.join(invalidRoot, code);
      for (const file of yamlFiles(dir)) expect(schemaAccepts(dir, file), file).toBe(true);
    },
  );

  it('rejects the several-problems fixture', () => {
    const dir = path.join(invalidRoot, 'several-problems');
    expect(yamlFiles(dir).map((file) => schemaAccepts(dir, file))).toEqual([false, false, true]);
  });
});
