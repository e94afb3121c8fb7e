/** The step schema is composed from the registries: one member per activity kind and question type. */
import { describe, expect, it } from 'vitest';
import { activityKinds } from '../../src/activities/index.js';
import { questionTypes } from '../../src/questions/index.js';
import { stepJsonSchema } from '../../src/schema/json-schema.js';

interface Union {
  oneOf: { properties: Record<string, { const?: string }> }[];
}

describe('registries', () => {
  it('compose the activities of the step schema, one per kind', () => {
    const activities = (stepJsonSchema().properties as { activities: { items: Union } }).activities.items;
    expect(activities.oneOf.map((m) => m.properties.kind?.const)).toEqual(activityKinds.map((k) => k.kind));
  });

  it('compose the questions of the quiz schema, one per type', () => {
    const quiz = activityKinds.find((k) => k.kind === 'quiz')!.schema as unknown as {
      properties: { questions: { items: Union } };
    };
    expect(quiz.properties.questions.items.oneOf.map((m) => m.properties.type?.const)).toEqual(questionTypes.map((t) => t.type));
  });

  it('have a schema whose tag matches each module name', () => {
    for (const kind of activityKinds) {
      expect((kind.schema.properties as Record<string, { const?: string }>).kind?.const).toBe(kind.kind);
    }
    for (const type of questionTypes) {
      expect((type.schema.properties as Record<string, { const?: string }>).type?.const).toBe(type.type);
    }
  });
});
