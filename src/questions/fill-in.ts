import { Type } from '@sinclair/typebox';
import type { FillInQuestion } from '../model/course.js';
import { Markdown } from '../schema/common.js';
import { COSTLIEST_TEXT_CHARACTER } from '../shared/state-escape.js';
import { blankMaxLength, findBlanks, misplacedBlanks } from './fill-in-blanks.js';
import { MAX_RESPONSE_LENGTH } from './option-limits.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { defineQuestionType } from './question-type.js';

/**
 * A text with blanks the learner types into. Each blank lists its accepted answers; by default
 * neither case nor accents matter ("Évaluation" = "evaluation"), spaces at both ends are ignored
 * and runs of spaces count as one. Partial credit: the share of blanks filled right.
 */
export const fillIn = defineQuestionType({
  type: 'fill-in',
  schema: questionSchema(
    'fill-in',
    {
      text: Markdown('The text with its blanks (one paragraph: inline Markdown only), each written [[answer]] or [[answer|other accepted answer]].', [
        'Un partenariat se formalise par une [[convention|convention de partenariat]].',
      ]),
      caseSensitive: Type.Optional(
        Type.Boolean({ default: false, description: 'Whether upper and lower case must match the accepted answer.' }),
      ),
      accentSensitive: Type.Optional(
        Type.Boolean({ default: false, description: 'Whether accents must match ("é" differs from "e").' }),
      ),
    },
    {
      title: 'Fill-in question',
      description: 'The learner types the missing words of a text. Credit per blank filled right.',
    },
  ),
  toModel(raw, node, ctx): FillInQuestion {
    const text = ctx.markdown(raw.text, node.at('text'));
    return {
      ...questionBaseToModel(raw, node, ctx),
      type: 'fill-in',
      text,
      blanks: findBlanks(text.source).map((b) => b.answers),
      caseSensitive: raw.caseSensitive ?? false,
      accentSensitive: raw.accentSensitive ?? false,
    };
  },
  check(question, ctx) {
    if (question.blanks.length === 0) {
      ctx.report('NO_BLANK', question.text.loc, { id: question.id });
      return;
    }
    question.blanks.forEach((answers, index) => {
      if (answers.some((a) => a === '')) ctx.report('EMPTY_BLANK', question.text.loc, { id: question.id, n: index + 1 });
    });
    for (const { index, where } of misplacedBlanks(question.text.source)) {
      ctx.report('BLANK_OUTSIDE_TEXT', question.text.loc, { id: question.id, n: index + 1, where });
    }
    // The LMS gets the first accepted answer of every blank as the correct response.
    const pattern = question.blanks.map((answers) => answers[0] ?? '').join(',');
    if (pattern.length > MAX_RESPONSE_LENGTH) {
      ctx.report('RESPONSE_TOO_LONG', question.text.loc, { id: question.id, length: pattern.length, max: MAX_RESPONSE_LENGTH });
    }
  },
  worstCaseResponse(question) {
    // Typed answers are saved raw (one character each); this one is three UTF-8 bytes.
    return question.blanks.map((answers) => COSTLIEST_TEXT_CHARACTER.repeat(blankMaxLength(answers)));
  },
});
