import { Type, type Static, type TObject } from '@sinclair/typebox';
import { activityKinds } from '../activities/index.js';
import { FilePath, Id, Markdown, StrictObject, Text } from './common.js';
import { DiscriminatedUnion } from './discriminated-union.js';

/** Activities of every registered kind, told apart by `kind`. */
export const ActivitySchema = DiscriminatedUnion(
  'kind',
  activityKinds.map((k) => k.schema as TObject),
  {
    title: 'Activity',
    description: `An activity of the step. \`kind\` is one of: ${activityKinds.map((k) => k.kind).join(', ')}.`,
  },
);

/** A step file (steps/*.yaml): one step and its activities. */
export const StepSchema = StrictObject(
  {
    id: Id('Step id, unique across the whole course (steps and activities).', ['typologie']),
    title: Text('Step title, shown in the course menu.', ['La typologie des partenariats']),
    duration: Type.Optional(
      Text('How long the step takes, as shown to the learner. Without it, the overview shows the length of the step’s video files, when known.', ['15–20 min']),
    ),
    image: Type.Optional(FilePath('Image of the step’s card on the overview (.jpg, .png, .webp or .gif, 16:9). Without it, the poster of the step’s first video.', ['media/typologie.jpg'])),
    introduction: Type.Optional(Markdown('Introduction shown at the top of the step.')),
    activities: Type.Array(ActivitySchema, { minItems: 1, description: 'The activities, in order.' }),
  },
  { title: 'Step', description: 'One step of a Parcours course.' },
);

export type StepYaml = Static<typeof StepSchema>;
