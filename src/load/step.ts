/** One step file: validated YAML → Step model, activity by activity. */
import type { Activity, Step } from '../model/course.js';
import { findActivityKind } from '../activities/index.js';
import { validateStepYaml } from '../schema/validator.js';
import type { StepYaml } from '../schema/step-schema.js';
import type { CourseContext } from './course-context.js';
import type { IdUse } from './unique-ids.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';
import type { YamlFile } from './yaml-file.js';

export interface LoadedStep {
  /** Undefined when the step file has problems. */
  step?: Step;
  /** Step and activity ids written in the file, for the course-wide uniqueness check. */
  ids: IdUse[];
}

/**
 * Validates the step file and builds what is valid. An activity with a schema problem is
 * skipped, but the others are still built and checked, so one run reports everything.
 */
export function loadStep(yaml: YamlFile, ctx: CourseContext): LoadedStep {
  const errors = validateStepYaml(yaml.data);
  ctx.diagnostics.push(...schemaErrorsToDiagnostics(errors, yaml));
  const root = yaml.root();
  const data = yaml.data as Partial<StepYaml> | null;
  const ids: IdUse[] = [];
  if (!data || typeof data !== 'object') return { ids };

  if (typeof data.id === 'string') ids.push({ id: data.id, loc: root.at('id').loc(), what: 'step' });
  const rawActivities: unknown[] = Array.isArray(data.activities) ? data.activities : [];
  const activities: Activity[] = [];
  rawActivities.forEach((raw, index) => {
    const node = root.at('activities', index);
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push({ id, loc: node.at('id').loc(), what: 'activity' });

    const prefix = `/activities/${index}`;
    if (errors.some((e) => e.instancePath === prefix || e.instancePath.startsWith(`${prefix}/`))) return;
    const kind = findActivityKind(String((raw as { kind: unknown }).kind));
    if (!kind) return;
    const activity = kind.toModel(raw as never, node, ctx);
    kind.check(activity, ctx);
    activities.push(activity);
  });

  const introduction =
    data.introduction !== undefined && !errors.some((e) => e.instancePath.startsWith('/introduction'))
      ? ctx.markdown(data.introduction, root.at('introduction'))
      : undefined;

  if (errors.length > 0 || !isStep(data)) return { ids };
  const step: Step = { id: data.id, title: data.title, duration: data.duration, activities, loc: root.loc() };
  if (introduction) step.introduction = introduction;
  return { step, ids };
}

function isStep(data: Partial<StepYaml>): data is StepYaml {
  return typeof data.id === 'string' && typeof data.title === 'string' && typeof data.duration === 'string';
}
