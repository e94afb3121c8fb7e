/**
 * The published JSON Schema files (schema/*.json), made from the same TypeBox schemas the
 * loader validates with, so editors (yaml-language-server) and the loader never disagree.
 */
import { CourseSchema } from './course-schema.js';
import { StepSchema } from './step-schema.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A plain JSON copy (TypeBox keeps symbols on its schema objects), `$schema` first. */
function publish(schema: object): Record<string, unknown> {
  return { $schema: DRAFT_07, ...(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>) };
}

export function courseJsonSchema(): Record<string, unknown> {
  return publish(CourseSchema);
}

export function stepJsonSchema(): Record<string, unknown> {
  return publish(StepSchema);
}

/** File name (in schema/) → content, as the generator writes them. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    'course.schema.json': `${JSON.stringify(courseJsonSchema(), null, 2)}\n`,
    'step.schema.json': `${JSON.stringify(stepJsonSchema(), null, 2)}\n`,
  };
}
