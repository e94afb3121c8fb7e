/**
 * Turns ajv errors into diagnostics an author can act on: the right code, plain words,
 * the position of the offending YAML node, and a suggestion for typos.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticParams } from '../diagnostics/catalogue.js';
import { closestMatch, codeList, didYouMean } from '../diagnostics/suggest.js';
import { ID_PATTERN } from '../schema/common.js';
import { COURSE_IRI_PATTERN, courseIriProblem } from '../schema/course-iri.js';
import { unionTags } from '../schema/discriminated-union.js';
import type { SchemaError } from '../schema/validator.js';
import type { NodeRef, PathSegment } from './context.js';
import type { YamlFile } from './yaml-file.js';

interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  discriminator?: { propertyName: string };
}

/**
 * Schema errors of one file turned into diagnostics: enough for any real mistake, and a bound on
 * the work (placing an error walks the YAML; a hostile file of 90,000 unknown fields took minutes).
 */
export const MAX_SCHEMA_ERRORS_PER_FILE = 200;

export function schemaErrorsToDiagnostics(allErrors: readonly SchemaError[], yaml: YamlFile): Diagnostic[] {
  const errors = allErrors.slice(0, MAX_SCHEMA_ERRORS_PER_FILE);
  const diagnostics: Diagnostic[] = [];
  const misspelt = misspeltRequiredFields(errors);
  for (const error of resolveAnyOf(errors)) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    const diagnostic = toDiagnostic(error, yaml, misspelt);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return dedupe(diagnostics);
}

/**
 * `titel: …` where `title` is required is one mistake, which ajv reports twice (an unknown
 * field, a missing one): the required fields, as `<instancePath>/<name>`, that an unknown
 * field of the same mapping is a misspelling of. Only the misspelling is reported.
 */
function misspeltRequiredFields(errors: readonly SchemaError[]): Set<string> {
  const missing = new Set(errors.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}/${String(e.params.missingProperty)}`));
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys(((error.parentSchema ?? {}) as SchemaNode).properties ?? {});
    const meant = closestMatch(String(error.params.additionalProperty), allowed);
    if (meant !== undefined && missing.has(`${error.instancePath}/${meant}`)) misspelt.add(`${error.instancePath}/${meant}`);
  }
  return misspelt;
}

/** `/activities/0/title` → ['activities', 0, 'title'] (JSON Pointer, RFC 6901). */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Markdown fields are `anyOf: [text, { file }]`; ajv reports each branch's failure. Keep the
 * errors of the branch whose type matches what the author wrote (an empty string, a bad
 * `{ file }`), or, when none does, one WRONG_TYPE for the anyOf itself.
 */
function resolveAnyOf(errors: readonly SchemaError[]): SchemaError[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return [...errors];
  const dropped = new Set<SchemaError>();
  for (const anyOf of anyOfs) {
    const branches = (anyOf.schema as SchemaNode[] | undefined) ?? [];
    const matching = branches.findIndex((branch) => branch.type === jsonType(anyOf.data));
    const prefix = `${anyOf.schemaPath}/`;
    for (const error of errors) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
      if (branch !== matching) dropped.add(error);
    }
    if (matching >= 0) dropped.add(anyOf);
  }
  return errors.filter((e) => !dropped.has(e));
}

function toDiagnostic(error: SchemaError, yaml: YamlFile, misspelt: ReadonlySet<string>): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath);
  const node = yaml.root().at(...path);
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const params = error.params as Record<string, unknown>;
  const make = (code: DiagnosticCode, p: DiagnosticParams, at = node.loc()) => createDiagnostic(code, at, p);
  const field = fieldName(path);

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const meant = closestMatch(name, allowed);
      const required = meant !== undefined && misspelt.has(`${error.instancePath}/${meant}`);
      return make(
        'UNKNOWN_FIELD',
        {
          field: name,
          where: where(parent),
          suggestion: didYouMean(name, allowed) + (required ? ` (\`${meant}\` is required there, and missing)` : ''),
          allowed: codeList(allowed),
        },
        node.at(name).keyLoc(),
      );
    }
    case 'required': {
      const name = String(params.missingProperty);
      return make('MISSING_FIELD', {
        field: `\`${name}\``,
        where: where(parent),
        help: parent.properties?.[name]?.description ?? '',
      });
    }
    case 'type':
    case 'anyOf': {
      const expected = error.keyword === 'type' ? describeType(String(params.type)) : 'Markdown text or { file: path.md }';
      if (error.data === null && (params.type === 'string' || error.keyword === 'anyOf')) {
        return make('EMPTY_TEXT', { field });
      }
      return make('WRONG_TYPE', {
        field,
        expected,
        actual: typeof error.data === 'number' || typeof error.data === 'boolean' ? (yaml.sourceText(path) ?? describeValue(error.data)) : describeValue(error.data),
        help: typeHelp(path, error.data, String(params.type), parent.description, yaml),
      });
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      return make('INVALID_VALUE', {
        field,
        value: describeValue(error.data),
        rule: `use ${allowed.length === 1 ? '' : 'one of '}${codeList(allowed)}`,
        suggestion: didYouMean(String(error.data), allowed),
        help: parent.description ?? '',
      });
    }
    case 'pattern':
    case 'maxLength': {
      const isId = parent.pattern === ID_PATTERN;
      const rule =
        error.keyword === 'maxLength' ? `it is longer than ${String(params.limit)} characters` : 'it does not have the expected form';
      if (isId) return make('INVALID_ID', { value: String(error.data), rule: idRule(String(error.data), rule) });
      if (parent.pattern === COURSE_IRI_PATTERN) {
        return make('INVALID_IRI', { value: String(error.data), rule: courseIriProblem(String(error.data)) ?? rule });
      }
      return make('INVALID_VALUE', { field, value: describeValue(error.data), rule, suggestion: '', help: parent.description ?? '' });
    }
    case 'minLength':
      return make('EMPTY_TEXT', { field });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make('OUT_OF_RANGE', { field, range: describeRange(parent), value: describeValue(error.data), help: parent.description ?? '' });
    case 'minItems': {
      const min = Number(params.limit);
      return make('TOO_FEW_ITEMS', {
        field,
        min: `${min} ${min === 1 ? 'entry' : 'entries'}`,
        count: Array.isArray(error.data) ? error.data.length : 0,
        help: parent.description ?? '',
      });
    }
    case 'discriminator':
      return discriminatorDiagnostic(error, parent, node);
    default:
      return make('INVALID_VALUE', {
        field,
        value: describeValue(error.data),
        rule: error.message ?? 'it is not accepted here',
        suggestion: '',
        help: parent.description ?? '',
      });
  }
}

function discriminatorDiagnostic(error: SchemaError, union: SchemaNode, node: NodeRef): Diagnostic {
  // ajv names them oddly: `tag` is the property name, `tagValue` the value found.
  const tagName = (error.params as { tag: string }).tag;
  const allowed = unionTags(union);
  const value = (error.data as Record<string, unknown>)[tagName];
  if (value === undefined) {
    // `kimd: video`: report the misspelling, not the missing `kind`.
    const misspelling = Object.keys(error.data as object).find((key) => closestMatch(key, [tagName]) === tagName);
    if (misspelling !== undefined) {
      return createDiagnostic('UNKNOWN_FIELD', node.at(misspelling).keyLoc(), {
        field: misspelling,
        where: `this ${lowerFirst(union.title ?? 'entry')}`,
        suggestion: `${didYouMean(misspelling, [tagName])} (\`${tagName}\` is required there, and missing)`,
        allowed: `\`${tagName}\` (one of: ${codeList(allowed)}), then the fields of that ${tagName}`,
      });
    }
    return createDiagnostic('MISSING_FIELD', node.loc(), {
      field: `\`${tagName}\``,
      where: `this ${lowerFirst(union.title ?? 'entry')}`,
      help: `It is one of: ${codeList(allowed)}.`,
    });
  }
  const at = node.at(tagName).loc();
  if (typeof value !== 'string') {
    return createDiagnostic('WRONG_TYPE', at, {
      field: `\`${tagName}\``,
      expected: describeType('string'),
      actual: describeValue(value),
      help: `It is one of: ${codeList(allowed)}.`,
    });
  }
  const params: DiagnosticParams = { value, suggestion: didYouMean(value, allowed), allowed: codeList(allowed) };
  if (tagName === 'kind') return createDiagnostic('UNKNOWN_KIND', at, params);
  return createDiagnostic('UNKNOWN_TYPE', at, { ...params, what: lowerFirst(union.title ?? '') });
}

/** "`title`", or "item 2 of `steps`" for list entries. */
function fieldName(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The file';
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return `Item ${last + 1} of \`${String(list)}\``;
  }
  return `\`${last}\``;
}

function where(schema: SchemaNode): string {
  return schema.title ? `this ${lowerFirst(schema.title)}` : 'this mapping';
}

function lowerFirst(text: string): string {
  return text.startsWith('Markdown') ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeType(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'object':
      return 'a mapping of `key: value` lines';
    case 'array':
      return 'a list (lines starting with `- `)';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return type;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  if (typeof value === 'string') return `\`${shown}\``;
  return shown;
}

function describeRange(schema: SchemaNode): string {
  const low =
    schema.exclusiveMinimum !== undefined
      ? `greater than ${schema.exclusiveMinimum}`
      : schema.minimum !== undefined
        ? `at least ${schema.minimum}`
        : undefined;
  const high =
    schema.exclusiveMaximum !== undefined
      ? `less than ${schema.exclusiveMaximum}`
      : schema.maximum !== undefined
        ? `at most ${schema.maximum}`
        : undefined;
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `between ${schema.minimum} and ${schema.maximum}`;
  return [low, high].filter(Boolean).join(' and ');
}

function typeHelp(
  path: readonly PathSegment[],
  value: unknown,
  expected: string,
  description: string | undefined,
  yaml: YamlFile,
): string {
  const key = path[path.length - 1];
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') && typeof key === 'string') {
    const written = yaml.sourceText(path) ?? String(value);
    return `YAML reads it as ${typeof value === 'number' ? 'a number' : 'true/false'}; put it in quotes: \`${key}: "${written}"\`.`;
  }
  return description ?? '';
}

function idRule(value: string, fallback: string): string {
  if (value.length > 64) return fallback;
  if (!/^[A-Za-z]/.test(value)) return 'it must start with a letter';
  const bad = [...value].find((c) => !/[A-Za-z0-9_-]/.test(c));
  if (bad === ' ') return 'it contains a space';
  if (bad !== undefined) return `it contains \`${bad}\``;
  return fallback;
}

/**
 * ajv may report one problem twice (pattern and maxLength on one id): keep one per code and
 * place. Missing fields all sit at their mapping's place: those differ by field.
 */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}@${d.loc?.file}:${d.loc?.line}:${d.loc?.column}${d.code === 'MISSING_FIELD' ? d.message : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
