import { Type } from '@sinclair/typebox';
import type { MatchingQuestion, MatchingSource, MatchingTarget } from '../model/course.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Id, Markdown, StrictObject, Text } from '../schema/common.js';
import { defaultChoiceId } from './choices.js';
import { checkOptionCount } from './option-limits.js';
import { questionBaseToModel, questionSchema } from './question-base.js';
import { defineQuestionType } from './question-type.js';

const PairSchema = StrictObject(
  {
    id: Type.Optional(Id('Id of the source, unique within its question. Defaults to a, b, c... by position.', ['mairie'])),
    source: Markdown('What the learner matches (shown as the label of a list).', ['La mairie']),
    target: Text('Its right match, as plain text (shown among the options of every list).', ['Financeur']),
  },
  { title: 'Matching pair', description: 'A source and its right target.' },
);

/**
 * Sources matched to targets: each source has a list of every target (pairs' targets and
 * distractors, in alphabetical order) and the learner picks one. Partial credit: the share
 * of sources matched right. Several sources may share a target.
 */
export const matching = defineQuestionType({
  type: 'matching',
  schema: questionSchema(
    'matching',
    {
      pairs: Type.Array(PairSchema, { minItems: 2, description: 'The sources with their right targets, in order (unless the quiz shuffles them).' }),
      distractors: Type.Optional(
        Type.Array(Text('A target that matches no source.', ['Observateur']), {
          description: 'Extra targets that match no source, offered in every list.',
        }),
      ),
    },
    {
      title: 'Matching question',
      description: 'The learner matches each source to a target, picked from a list. Credit per source matched right.',
    },
  ),
  toModel(raw, node, ctx): MatchingQuestion {
    const targets: MatchingTarget[] = [];
    // Targets are told apart by their text: two pairs with the same target share it.
    const targetId = (text: string, loc: MatchingTarget['loc']): string => {
      const label = text.trim();
      const known = targets.find((t) => t.text === label);
      if (known) return known.id;
      const target = { id: defaultChoiceId(targets.length), text: label, loc };
      targets.push(target);
      return target.id;
    };
    const sources = raw.pairs.map((pair, index): MatchingSource => {
      const pairNode = node.at('pairs', index);
      return {
        id: pair.id ?? defaultChoiceId(index),
        text: ctx.markdown(pair.source, pairNode.at('source')),
        target: targetId(pair.target, pairNode.at('target').loc()),
        loc: pairNode.loc(),
      };
    });
    (raw.distractors ?? []).forEach((text, index) => targetId(text, node.at('distractors', index).loc()));
    return { ...questionBaseToModel(raw, node, ctx), type: 'matching', sources, targets };
  },
  check(question, ctx) {
    reportDuplicateIds(
      question.sources.map((s) => ({ id: s.id, loc: s.loc, what: 'pair' })),
      'in this question',
      ctx,
    );
    checkOptionCount(question.id, question.sources.length, 'pairs', question.loc, ctx);
    checkOptionCount(question.id, question.targets.length, 'distinct targets', question.loc, ctx);
  },
  worstCaseResponse(question) {
    const longest = question.targets.reduce((a, t) => (t.id.length > a.length ? t.id : a), '');
    return question.sources.map((s) => `${s.id}.${longest}`);
  },
});
