/**
 * @learninglocker/xapi-validation's statement check: CommonJS with `exports.default`, required
 * directly so tsc and vitest agree on what it is. No errors: the statement is valid xAPI 1.0.3.
 */
import { createRequire } from 'node:module';

export interface XapiValidationError {
  path: string[];
  message: string;
  typeName?: string;
}

export const validateStatement = createRequire(import.meta.url)('@learninglocker/xapi-validation').default as (statement: unknown) => XapiValidationError[];
