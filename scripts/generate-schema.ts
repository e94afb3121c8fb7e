/**
 * Writes the published JSON Schema files (schema/*.json) from the TypeBox schemas, and the
 * table of diagnostic codes in docs/format.md from the catalogue. Run: `npm run schema`.
 * test/schema/generated.test.ts fails when the committed files differ from this output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/schema/json-schema.js';
import { withCatalogueTable } from '../src/diagnostics/catalogue-table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

for (const [name, content] of Object.entries(jsonSchemaFiles())) {
  const file = path.join(root, 'schema', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  console.log(`wrote schema/${name}`);
}

const docFile = path.join(root, 'docs', 'format.md');
fs.writeFileSync(docFile, withCatalogueTable(fs.readFileSync(docFile, 'utf8')));
console.log('updated the diagnostics table in docs/format.md');
