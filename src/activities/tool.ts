import { Type, type Static } from '@sinclair/typebox';
import type { ChecklistField, TextField, ToolActivity, ToolCompletion, ToolField } from '../model/course.js';
import { TOOL_COMPLETIONS } from '../shared/course-data.js';
import type { NodeRef } from '../load/context.js';
import { reportDuplicateIds } from '../load/unique-ids.js';
import { Id, Markdown, StrictObject, Text } from '../schema/common.js';
import { DiscriminatedUnion } from '../schema/discriminated-union.js';
import { defaults } from '../schema/defaults.js';
import { defineActivityKind } from './activity-kind.js';
import { AttachmentList, activityBaseProperties, activityBaseToModel, attachmentsToModel } from './common.js';

/** What a learner types is saved with their progress; SCORM 1.2 keeps 4,096 characters of it in all. */
const MAX_TEXT_LENGTH = 4096;

const fieldId = Id('Field id, unique within its tool; the learner’s answer is saved under it.', ['partenariat']);

const required = Type.Optional(
  Type.Boolean({
    default: defaults.required,
    description: 'Whether the tool needs an answer here to be completed (`completeWhen: filled`). `false` for an optional field.',
  }),
);

const TextFieldSchema = StrictObject(
  {
    id: fieldId,
    type: Type.Literal('text', { description: 'A text box.' }),
    label: Text('The question or instruction next to the box.', ['Nommez un partenariat de votre organisation']),
    multiline: Type.Optional(Type.Boolean({ default: defaults.multiline, description: 'Several lines (a text area) instead of one.' })),
    placeholder: Type.Optional(Type.String({ description: 'Greyed example text shown while the box is empty.' })),
    maxLength: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_TEXT_LENGTH,
        default: defaults.maxLength,
        description: 'Characters the learner may type. It bounds the saved progress: SCORM 1.2 keeps 4,096 characters in all.',
      }),
    ),
    required,
  },
  { title: 'Text field', description: 'A box the learner writes in.' },
);

const ChecklistFieldSchema = StrictObject(
  {
    id: fieldId,
    type: Type.Literal('checklist', { description: 'Boxes to tick.' }),
    label: Text('The question above the boxes.', ['À quelle(s) catégorie(s) appartient-il ?']),
    items: Type.Array(
      StrictObject(
        {
          id: Id('Item id, unique within its checklist.', ['pratiques']),
          label: Text('Text next to the box.', ['Partenariats de pratiques responsables']),
        },
        { title: 'Checklist item', description: 'One box to tick.' },
      ),
      { minItems: 1, description: 'The boxes, in order.' },
    ),
    required,
  },
  { title: 'Checklist field', description: 'Boxes the learner ticks.' },
);

const FieldSchema = DiscriminatedUnion('type', [TextFieldSchema, ChecklistFieldSchema], {
  title: 'Tool field',
  description: 'Something the learner fills in: `text` or `checklist`.',
});

/** An exercise applying the step to the learner's own situation; answers are saved with progress. */
export const tool = defineActivityKind({
  kind: 'tool',
  schema: StrictObject(
    {
      kind: Type.Literal('tool', { description: 'A practical tool to apply what was learned.' }),
      ...activityBaseProperties,
      instructions: Markdown('What the learner does with the tool.'),
      completeWhen: Type.Optional(
        Type.Unsafe<ToolCompletion>({
          type: 'string',
          enum: [...TOOL_COMPLETIONS],
          default: defaults.completeWhen,
          description:
            'What completes the tool: filled (every required field answered: text not blank, at least one box ticked; opening it when it has no required field), opened (opening its page) or done-button (the learner presses “I have finished”).',
        }),
      ),
      fields: Type.Optional(
        Type.Array(FieldSchema, { default: [], description: 'What the learner fills in; saved with their progress.' }),
      ),
      downloads: Type.Optional(AttachmentList('Files to download (templates, grids...).')),
    },
    { title: 'Tool activity', description: 'A practical tool: instructions, fields to fill in, downloads.' },
  ),
  toModel(raw, node, ctx): ToolActivity {
    return {
      ...activityBaseToModel(raw, node),
      kind: 'tool',
      instructions: ctx.markdown(raw.instructions, node.at('instructions')),
      completeWhen: raw.completeWhen ?? defaults.completeWhen,
      fields: (raw.fields ?? []).map((field, index) => fieldToModel(field, node.at('fields', index))),
      downloads: attachmentsToModel(raw.downloads, node.at('downloads'), ctx),
    };
  },
  check(activity, ctx) {
    reportDuplicateIds(
      activity.fields.map((f) => ({ id: f.id, loc: f.loc, what: 'field' })),
      'in this tool',
      ctx,
    );
    for (const field of activity.fields) {
      if (field.type !== 'checklist') continue;
      reportDuplicateIds(
        field.items.map((item) => ({ id: item.id, loc: item.loc, what: 'item' })),
        'in this checklist',
        ctx,
      );
    }
  },
  assets: (activity) => activity.downloads.map((d) => d.file),
});

function fieldToModel(raw: Static<typeof FieldSchema>, node: NodeRef): ToolField {
  if (raw.type === 'checklist') {
    const field: ChecklistField = {
      type: 'checklist',
      id: raw.id,
      label: raw.label,
      items: raw.items.map((item, index) => ({ id: item.id, label: item.label, loc: node.at('items', index).loc() })),
      required: raw.required ?? defaults.required,
      loc: node.loc(),
    };
    return field;
  }
  const field: TextField = {
    type: 'text',
    id: raw.id,
    label: raw.label,
    multiline: raw.multiline ?? defaults.multiline,
    maxLength: raw.maxLength ?? defaults.maxLength,
    required: raw.required ?? defaults.required,
    loc: node.loc(),
  };
  if (raw.placeholder !== undefined) field.placeholder = raw.placeholder;
  return field;
}
