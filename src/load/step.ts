/** One step file: validated YAML → Step model, activity by activity. */
import type { Activity, Step } from '../model/course.js';
import { findActivityKind } from '../activities/index.js';
import { validateStepYaml } from '../schema/validator.js';
import { StepSchema, type StepYaml } from '../schema/step-schema.js';
import type { CourseContext } from './course-context.js';
import type { IdUse } from './unique-ids.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';
import { removeInvalidOptionals } from './salvage.js';
import type { YamlFile } from './yaml-file.js';

export interface LoadedStep {
  /** Undefined when the step file has problems. */
  step?: Step;
  /** Step and activity ids written in the file, for the course-wide uniqueness check. */
  ids: IdUse[];
}

/**
 * Validates the step file and builds what it can: an activity whose schema problems are
 * only unknown fields or bad optional values is built without them; one with worse
 * problems is skipped. Either way the others are built and checked, so one run reports
 * as much as possible.
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
    const activityErrors = errors.filter((e) => e.instancePath === prefix || e.instancePath.startsWith(`${prefix}/`));
    const buildable = structuredClone(raw);
    // Paths in the errors start at the step root; wrap the copy so they resolve into it.
    if (!removeInvalidOptionals({ activities: { [index]: buildable } }, activityErrors, StepSchema)) return;
    const kind = findActivityKind(String((raw as { kind: unknown }).kind));
    if (!kind) return;
    const activity = kind.toModel(buildable as never, node, ctx);
    kind.check(activity, ctx);
    activities.push(activity);
  });

  const introduction =
    data.introduction !== undefined && !errors.some((e) => e.instancePath.startsWith('/introduction'))
      ? ctx.markdown(data.introduction, root.at('introduction'))
      : undefined;

  const image = data.image !== undefined ? ctx.asset(data.image, root.at('image'), 'image') : undefined;
  if (errors.length > 0 || !isStep(data)) return { ids };
  const step: Step = { id: data.id, title: data.title, activities, loc: root.loc() };
  if (data.duration !== undefined) step.duration = data.duration;
  if (image) step.image = image;
  if (introduction) step.introduction = introduction;
  return { step, ids };
}

function isStep(data: Partial<StepYaml>): data is StepYaml {
  return typeof data.id === 'string' && typeof data.title === 'string';
}
