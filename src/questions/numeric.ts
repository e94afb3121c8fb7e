import { Type } from '@sinclair/typebox';
import type { NumericQuestion } from '../model/course.js';
import { StrictObject, Text } from '../schema/common.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { defineQuestionType } from './question-type.js';

/** Characters the learner may type (digits, sign, decimal separator): bounds the saved state. */
export const NUMERIC_MAX_LENGTH = 24;

/**
 * A number the learner types: right when it is the answer give or take the tolerance, or when
 * it falls in [min, max] (bounds included). A comma or a point separates decimals; spaces
 * between digits are ignored ("1 500,5").
 */
export const numeric = defineQuestionType({
  type: 'numeric',
  schema: questionSchema(
    'numeric',
    {
      answer: Type.Optional(Type.Number({ description: 'The right number. Write either `answer` (with an optional `tolerance`) or `min` and `max`.', examples: [42] })),
      tolerance: Type.Optional(
        Type.Number({ minimum: 0, default: 0, description: 'How far from `answer` a response may be and still count as right.', examples: [0.5] }),
      ),
      min: Type.Optional(Type.Number({ description: 'Smallest right number (included), with `max`.', examples: [10] })),
      max: Type.Optional(Type.Number({ description: 'Largest right number (included), with `min`.', examples: [20] })),
      unit: Type.Optional(Text('Unit shown after the input, e.g. "%" or "€".', ['%'])),
    },
    {
      title: 'Numeric question',
      description: 'The learner types a number: right within a tolerance of `answer`, or between `min` and `max`.',
    },
  ),
  toModel(raw, node, ctx): NumericQuestion {
    const base = { ...questionBaseToModel(raw, node, ctx), type: 'numeric' as const, ...(raw.unit === undefined ? {} : { unit: raw.unit.trim() }) };
    const range = raw.min !== undefined || raw.max !== undefined;
    // Which of the two forms was written is checked here, where the YAML is at hand.
    if (raw.answer !== undefined) {
      if (range) {
        ctx.report('CONFLICTING_FIELDS', node.at(raw.min !== undefined ? 'min' : 'max').keyLoc(), {
          where: `Numeric question \`${raw.id}\``,
          fields: '`answer` and `min`/`max`',
          help: 'Keep `answer` (with an optional `tolerance`) for one right number, or `min` and `max` for a range.',
        });
      }
      const tolerance = raw.tolerance ?? 0;
      return { ...base, answer: raw.answer, tolerance, min: raw.answer - tolerance, max: raw.answer + tolerance };
    }
    // A value the schema refused (reported already) was dropped from `raw` but is in the YAML.
    const refused = (key: 'answer' | 'min' | 'max') => {
      const at = node.at(key).keyLoc();
      const self = node.loc();
      return raw[key] === undefined && (at.line !== self.line || at.column !== self.column);
    };
    if (raw.min !== undefined && raw.max !== undefined && raw.tolerance === undefined) {
      if (raw.min > raw.max) ctx.report('INVALID_RANGE', node.at('min').loc(), { id: raw.id, min: raw.min, max: raw.max });
    } else if (!(['answer', 'min', 'max'] as const).some(refused)) {
      const field = raw.tolerance !== undefined || !range ? '`answer`' : raw.min === undefined ? '`min`' : '`max`';
      ctx.report('MISSING_FIELD', node.loc(), {
        field,
        where: `numeric question \`${raw.id}\``,
        help: 'Give the right number as `answer` (with an optional `tolerance`), or the range of right numbers as `min` and `max`.',
      });
    }
    return { ...base, min: raw.min ?? Number.NaN, max: raw.max ?? Number.NaN };
  },
  check() {
    // Both forms (answer and tolerance, min and max) are checked while building the model.
  },
  worstCaseResponse: () => ['-' + '9'.repeat(NUMERIC_MAX_LENGTH - 1)],
});
