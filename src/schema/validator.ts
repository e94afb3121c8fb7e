/**
 * The validators of course.yaml and step files (options: src/schema/standalone.ts).
 * They come compiled ahead of time (src/schema/validators.generated.ts, written by `npm run build`);
 * should that file lag behind an edited schema, its digest differs and ajv compiles the schemas
 * here instead, once per process (slower, same errors).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generated from './validators.generated.js';
import { ajvWithSchemas, schemaDigest } from './standalone.js';

export type SchemaError = ErrorObject;

type Validators = { course: ValidateFunction; step: ValidateFunction };
let compiled: Validators | undefined;

function validators(): Validators {
  if (!compiled) {
    if (generated.schemaDigest === schemaDigest()) {
      compiled = { course: generated.course as ValidateFunction, step: generated.step as ValidateFunction };
    } else {
      const ajv = ajvWithSchemas();
      compiled = { course: ajv.getSchema('course')!, step: ajv.getSchema('step')! };
    }
  }
  return compiled;
}

/** Errors of `data` against the course.yaml schema (empty when valid). */
export function validateCourseYaml(data: unknown): SchemaError[] {
  const validate = validators().course;
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Errors of `data` against the step file schema (empty when valid). */
export function validateStepYaml(data: unknown): SchemaError[] {
  const validate = validators().step;
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
