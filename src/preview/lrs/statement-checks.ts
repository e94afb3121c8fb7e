/**
 * What an xAPI 1.0.3 LRS refuses in a statement (Data §2.4), as structural checks worded for
 * the author: the preview's LRS answers 400 with them, as a real LRS would, and the panel
 * shows them. Compact on purpose: the thorough validator the tests use
 * (@learninglocker/xapi-validation) drags lodash into every install; test/preview/statement-checks
 * checks that both refuse the same broken statements.
 *
 *   statementProblems(value) → [] when the statement is well formed, else one sentence per problem
 */

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
/** ISO 8601 date-time (the LRS needs one it can order). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** ISO 8601 duration (PT1H2M3.5S, P1D…). */
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const RESULT_KEYS = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const CONTEXT_KEYS = new Set(['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions']);
const CONTEXT_ACTIVITY_KEYS = new Set(['parent', 'grouping', 'category', 'other']);
const INTERACTION_TYPES = new Set(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export function statementProblems(value: unknown): string[] {
  const problems: string[] = [];
  const problem = (path: string, text: string) => problems.push(`${path}: ${text}`);
  if (!isObject(value)) return ['the statement is not a JSON object'];
  for (const key of Object.keys(value)) if (!STATEMENT_KEYS.has(key)) problem(key, 'is not a statement property (a typo? an LRS refuses any property it does not know)');
  if (value['id'] !== undefined && (typeof value['id'] !== 'string' || !UUID.test(value['id']))) problem('id', `${show(value['id'])} is not a UUID`);
  agent(value['actor'], 'actor', problem, true);
  const verb = value['verb'];
  if (!isObject(verb)) problem('verb', 'is missing: every statement needs a verb with an IRI id');
  else {
    iri(verb['id'], 'verb.id', problem);
    if (verb['display'] !== undefined) languageMap(verb['display'], 'verb.display', problem);
  }
  statementObject(value['object'], 'object', problem, true);
  if (value['result'] !== undefined) result(value['result'], problem);
  if (value['context'] !== undefined) context(value['context'], problem);
  if (value['timestamp'] !== undefined && (typeof value['timestamp'] !== 'string' || !TIMESTAMP.test(value['timestamp']))) {
    problem('timestamp', `${show(value['timestamp'])} is not an ISO 8601 date and time`);
  }
  return problems;
}

type Report = (path: string, text: string) => void;

function iri(value: unknown, path: string, problem: Report): void {
  if (typeof value !== 'string' || !IRI.test(value)) problem(path, value === undefined ? 'is missing (an IRI is needed)' : `${show(value)} is not an IRI`);
}

function languageMap(value: unknown, path: string, problem: Report): void {
  if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) problem(path, 'must be a language map ({"en": "text"})');
}

function extensions(value: unknown, path: string, problem: Report): void {
  if (!isObject(value)) return problem(path, 'must be an object whose keys are IRIs');
  for (const key of Object.keys(value)) if (!IRI.test(key)) problem(`${path}`, `the key ${show(key)} is not an IRI`);
}

/** An Agent needs exactly one identifier (mbox, mbox_sha1sum, openid or account); a Group may have none. */
function agent(value: unknown, path: string, problem: Report, required: boolean): void {
  if (value === undefined && !required) return;
  if (!isObject(value)) return problem(path, 'is missing or not an object (an Agent with one identifier)');
  const type = value['objectType'] ?? 'Agent';
  if (type !== 'Agent' && type !== 'Group') return problem(`${path}.objectType`, `${show(type)} is neither Agent nor Group`);
  const ids = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => value[k] !== undefined);
  if (ids.length > 1) problem(path, `has ${ids.join(' and ')}: an Agent has exactly one identifier`);
  if (ids.length === 0 && type === 'Agent') problem(path, 'has no identifier (mbox, mbox_sha1sum, openid or account)');
  if (value['mbox'] !== undefined && (typeof value['mbox'] !== 'string' || !/^mailto:[^@\s]+@[^@\s]+$/.test(value['mbox']))) {
    problem(`${path}.mbox`, `${show(value['mbox'])} is not a mailto: address`);
  }
  if (value['mbox_sha1sum'] !== undefined && (typeof value['mbox_sha1sum'] !== 'string' || !/^[0-9a-f]{40}$/i.test(value['mbox_sha1sum']))) {
    problem(`${path}.mbox_sha1sum`, 'is not a SHA-1 in hexadecimal');
  }
  if (value['openid'] !== undefined) iri(value['openid'], `${path}.openid`, problem);
  const account = value['account'];
  if (account !== undefined) {
    if (!isObject(account) || typeof account['name'] !== 'string') problem(`${path}.account`, 'needs a homePage IRI and a name');
    else iri(account['homePage'], `${path}.account.homePage`, problem);
  }
  if (value['name'] !== undefined && typeof value['name'] !== 'string') problem(`${path}.name`, 'must be a string');
  if (type === 'Group' && value['member'] !== undefined) {
    if (!Array.isArray(value['member'])) problem(`${path}.member`, 'must be a list of Agents');
    else value['member'].forEach((m, i) => agent(m, `${path}.member[${i}]`, problem, true));
  }
}

function activity(value: unknown, path: string, problem: Report): void {
  if (!isObject(value)) return problem(path, 'must be an Activity object');
  iri(value['id'], `${path}.id`, problem);
  const definition = value['definition'];
  if (definition === undefined) return;
  if (!isObject(definition)) return problem(`${path}.definition`, 'must be an object');
  for (const key of ['name', 'description'] as const) if (definition[key] !== undefined) languageMap(definition[key], `${path}.definition.${key}`, problem);
  if (definition['type'] !== undefined) iri(definition['type'], `${path}.definition.type`, problem);
  const interaction = definition['interactionType'];
  if (interaction !== undefined && !INTERACTION_TYPES.has(String(interaction))) problem(`${path}.definition.interactionType`, `${show(interaction)} is not an xAPI interaction type`);
  if (definition['extensions'] !== undefined) extensions(definition['extensions'], `${path}.definition.extensions`, problem);
}

function statementObject(value: unknown, path: string, problem: Report, allowSubStatement: boolean): void {
  if (!isObject(value)) return problem(path, 'is missing: every statement is about an object (an Activity with an IRI id)');
  const type = value['objectType'] ?? 'Activity';
  switch (type) {
    case 'Activity':
      return activity(value, path, problem);
    case 'Agent':
    case 'Group':
      return agent(value, path, problem, true);
    case 'StatementRef':
      if (typeof value['id'] !== 'string' || !UUID.test(value['id'])) problem(`${path}.id`, 'a StatementRef needs the UUID of a statement');
      return;
    case 'SubStatement':
      if (!allowSubStatement) return problem(path, 'a SubStatement cannot hold another SubStatement');
      agent(value['actor'], `${path}.actor`, problem, true);
      if (!isObject(value['verb'])) problem(`${path}.verb`, 'is missing');
      else iri(value['verb']['id'], `${path}.verb.id`, problem);
      return statementObject(value['object'], `${path}.object`, problem, false);
    default:
      return problem(`${path}.objectType`, `${show(type)} is not an xAPI object type`);
  }
}

function result(value: unknown, problem: Report): void {
  if (!isObject(value)) return problem('result', 'must be an object');
  for (const key of Object.keys(value)) if (!RESULT_KEYS.has(key)) problem(`result.${key}`, 'is not a result property');
  const score = value['score'];
  if (score !== undefined) {
    if (!isObject(score)) problem('result.score', 'must be an object');
    else {
      const n = (key: string) => score[key];
      for (const key of ['scaled', 'raw', 'min', 'max']) {
        if (n(key) !== undefined && (typeof n(key) !== 'number' || !Number.isFinite(n(key)))) problem(`result.score.${key}`, `${show(n(key))} is not a number`);
      }
      const scaled = n('scaled');
      if (typeof scaled === 'number' && (scaled < -1 || scaled > 1)) problem('result.score.scaled', `${scaled} lies outside -1 to 1`);
      const [raw, min, max] = [n('raw'), n('min'), n('max')] as (number | undefined)[];
      if (typeof min === 'number' && typeof max === 'number' && min > max) problem('result.score', `min ${min} is above max ${max}`);
      if (typeof raw === 'number' && typeof min === 'number' && raw < min) problem('result.score.raw', `${raw} is below min ${min}`);
      if (typeof raw === 'number' && typeof max === 'number' && raw > max) problem('result.score.raw', `${raw} is above max ${max}`);
    }
  }
  for (const key of ['success', 'completion']) if (value[key] !== undefined && typeof value[key] !== 'boolean') problem(`result.${key}`, `${show(value[key])} must be true or false`);
  if (value['response'] !== undefined && typeof value['response'] !== 'string') problem('result.response', 'must be a string');
  if (value['duration'] !== undefined && (typeof value['duration'] !== 'string' || !DURATION.test(value['duration']))) {
    problem('result.duration', `${show(value['duration'])} is not an ISO 8601 duration (PT1M30S)`);
  }
  if (value['extensions'] !== undefined) extensions(value['extensions'], 'result.extensions', problem);
}

function context(value: unknown, problem: Report): void {
  if (!isObject(value)) return problem('context', 'must be an object');
  for (const key of Object.keys(value)) if (!CONTEXT_KEYS.has(key)) problem(`context.${key}`, 'is not a context property');
  if (value['registration'] !== undefined && (typeof value['registration'] !== 'string' || !UUID.test(value['registration']))) {
    problem('context.registration', `${show(value['registration'])} is not a UUID`);
  }
  const activities = value['contextActivities'];
  if (activities !== undefined) {
    if (!isObject(activities)) problem('context.contextActivities', 'must be an object');
    else {
      for (const [key, list] of Object.entries(activities)) {
        if (!CONTEXT_ACTIVITY_KEYS.has(key)) problem(`context.contextActivities.${key}`, 'is not parent, grouping, category or other');
        else (Array.isArray(list) ? list : [list]).forEach((a, i) => activity(a, `context.contextActivities.${key}[${i}]`, problem));
      }
    }
  }
  if (value['instructor'] !== undefined) agent(value['instructor'], 'context.instructor', problem, true);
  for (const key of ['revision', 'platform', 'language']) if (value[key] !== undefined && typeof value[key] !== 'string') problem(`context.${key}`, 'must be a string');
  if (value['extensions'] !== undefined) extensions(value['extensions'], 'context.extensions', problem);
}
