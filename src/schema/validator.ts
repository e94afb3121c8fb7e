/**
 * The ajv validators of course.yaml and step files, compiled once per process.
 * allErrors: report every problem of a file in one run. discriminator: check an activity
 * or question only against the schema its `kind`/`type` names, so errors stay precise.
 * verbose: errors carry their schema, which the loader uses for messages and suggestions.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CourseSchema } from './course-schema.js';
import { StepSchema } from './step-schema.js';

export type SchemaError = ErrorObject;

let compiled: { course: ValidateFunction; step: ValidateFunction } | undefined;

function validators(): { course: ValidateFunction; step: ValidateFunction } {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, discriminator: true, verbose: true, strict: true });
    compiled = { course: ajv.compile(CourseSchema), step: ajv.compile(StepSchema) };
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
