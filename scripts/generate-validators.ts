/**
 * Writes src/schema/validators.generated.ts (ajv standalone validators of course.yaml and step
 * files, see src/schema/standalone.ts). Run by `npm run build`; rewrites the file only when its
 * text changes, so an unchanged schema does not make lib/ look stale.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatorsSource } from '../src/schema/standalone.js';

const file = fileURLToPath(new URL('../src/schema/validators.generated.ts', import.meta.url));
const source = await validatorsSource();
if (fs.readFileSync(file, { encoding: 'utf8', flag: 'a+' }) !== source) {
  fs.writeFileSync(file, source);
  console.log('wrote src/schema/validators.generated.ts');
}
