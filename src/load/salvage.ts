/**
 * Lets the loader build (and so check) a part of a file that has schema errors, when those
 * errors are only unknown fields or bad values of optional fields: without those values
 * the part matches its schema. So a typo in `attempts` does not hide that the same quiz
 * has no correct answer: one run reports both.
 */
import type { SchemaError } from '../schema/validator.js';
import type { PathSegment } from './context.js';
import { pointerToPath } from './schema-errors.js';

interface ObjectSchema {
  required?: string[];
}

/**
 * Removes from `data` (in place) the optional values `errors` are about. Returns false,
 * leaving `data` partly cleaned, when an error cannot be removed that way (a missing
 * required field, a bad list entry...): the part must then not be built.
 */
export function removeInvalidOptionals(data: unknown, errors: readonly SchemaError[], rootSchema: object): boolean {
  for (const error of errors) {
    if (error.keyword === 'additionalProperties') continue; // unknown fields are ignored when building
    const path = pointerToPath(error.instancePath);
    const property = path[path.length - 1];
    if (typeof property !== 'string') return false;
    const parent = parentObjectSchema(rootSchema, error.schemaPath, property);
    if (!parent || parent.required?.includes(property)) return false;
    const holder = valueAt(data, path.slice(0, -1));
    if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[property];
  }
  return true;
}

/** The object schema declaring `property`, found along the error's schema path. */
function parentObjectSchema(rootSchema: object, schemaPath: string, property: string): ObjectSchema | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] === 'properties' && segments[i + 1] === property) {
      return valueAt(rootSchema, segments.slice(0, i)) as ObjectSchema | undefined;
    }
  }
  return undefined;
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}
