import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../src/schema/json-schema.js';

const schemaDir = fileURLToPath(new URL('../../schema/', import.meta.url));

describe('published JSON Schema files', () => {
  it.each(Object.entries(jsonSchemaFiles()))('schema/%s is what `npm run schema` generates', (name, content) => {
    expect(fs.readFileSync(`${schemaDir}${name}`, 'utf8')).toBe(content);
  });
});
