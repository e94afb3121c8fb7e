export { CourseSchema, type CourseYaml } from './course-schema.js';
export { StepSchema, type StepYaml } from './step-schema.js';
export { validateCourseYaml, validateStepYaml, type SchemaError } from './validator.js';
export { courseJsonSchema, stepJsonSchema, jsonSchemaFiles } from './json-schema.js';
export { defaults } from './defaults.js';
export { ID_PATTERN, ID_MAX_LENGTH } from './common.js';
