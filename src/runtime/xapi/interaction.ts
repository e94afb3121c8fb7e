/**
 * Maps an answered question (InteractionRecord, standard-neutral) to an xAPI
 * `cmi.interaction` activity definition and its result, with the xAPI 1.0.3 response
 * formats (Data §2.4.4.1 "Interaction Activities"): items separated by `[,]`, matching
 * pairs joined by `[.]` (with `source` and `target` components), numeric ranges `min[:]max`,
 * true-false as `true`/`false`, likert with its `scale`, sequencing with its `choices`.
 *
 *   interactionDefinition(record, name, language) → InteractionActivityDefinition
 *   interactionResult(record)                    → Result (response, success, score, duration)
 */
import type { InteractionActivityDefinition, InteractionComponent, LanguageMap, Result } from '@xapi/xapi';
import type { InteractionRecord } from '../adapters/lms-adapter.js';
import { formatItems, isTrueFalse } from '../adapters/response-format.js';
import { toIsoDuration } from '../../shared/time.js';
import { ACTIVITY_TYPES } from './vocabulary.js';

export function langMap(language: string, text: string): LanguageMap {
  return { [language]: text } as LanguageMap;
}

export function interactionDefinition(
  record: InteractionRecord,
  name: string,
  language: string,
): InteractionActivityDefinition {
  const base = {
    type: ACTIVITY_TYPES.interaction,
    name: langMap(language, name),
    description: langMap(language, record.description || name),
  } as const;
  // fill-in answers match whatever their case unless the question says otherwise; xAPI
  // patterns are case-insensitive unless they start with `{case_matters=true}` (xAPI 1.0.3 Data,
  // Interaction Activities, response patterns).
  const caseMatters = record.interactionType === 'fill-in' && record.caseSensitive ? '{case_matters=true}' : '';
  const pattern = record.correct.length > 0 ? { correctResponsesPattern: [caseMatters + formatItems(record, record.correct)] } : {};
  const componentsOf = (list: { id: string; text: string }[] = []) =>
    list.map((c): InteractionComponent => ({ id: c.id, description: langMap(language, c.text) }));
  const components = componentsOf(record.choices);
  if (record.interactionType === 'true-false' && isTrueFalse(record)) {
    return { ...base, interactionType: 'true-false', ...pattern } as InteractionActivityDefinition;
  }
  switch (record.interactionType) {
    case 'choice':
    case 'true-false':
      return { ...base, interactionType: 'choice', choices: components, ...pattern };
    case 'sequencing':
      return { ...base, interactionType: 'sequencing', choices: components, ...pattern };
    case 'likert':
      return { ...base, interactionType: 'likert', scale: components, ...pattern };
    case 'matching':
      return { ...base, interactionType: 'matching', source: components, target: componentsOf(record.targets), ...pattern };
    case 'fill-in':
    case 'numeric':
    case 'other':
      return { ...base, interactionType: record.interactionType, ...pattern };
  }
}

export function interactionResult(record: InteractionRecord): Result {
  const response =
    record.interactionType === 'true-false' && !isTrueFalse(record)
      ? record.response.join('[,]')
      : formatItems(record, record.response);
  const result: Result = { response, duration: toIsoDuration(record.latencyMs) };
  if (record.result !== 'neutral') result.success = record.result === 'correct';
  if (record.weight > 0) {
    const scaled = clamp01(record.scoreShare);
    result.score = { scaled: round(scaled, 4), raw: round(scaled * record.weight, 4), min: 0, max: record.weight };
  }
  return result;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
