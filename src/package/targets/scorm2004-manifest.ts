/**
 * imsmanifest.xml for SCORM 2004 4th Edition (CAM 1.3): one organization, and either one SCO
 * for the course (the default: the runtime moves between steps inside it, as for SCORM 1.2) or
 * one item per step, each launching its step (`index.html?step=<id>`), under simple sequencing.
 *
 * Element order follows imscp_v1p1.xsd and ADL's CAM book (checked with xmllint in the tests):
 * manifest → metadata, organizations, resources; organization → title, item+, imsss:sequencing;
 * item → title, adlcp:completionThreshold, imsss:sequencing, adlcp:data; sequencing →
 * controlMode, rollupRules, objectives, deliveryControls, adlseq:objectives.
 *
 * Who decides the status (docs/lms-presets.md): the LMS computes `cmi.success_status` from
 * `cmi.score.scaled` whenever the SCO's primary objective has a scaled passing score
 * (`satisfiedByMeasure` + `minNormalizedMeasure`), and `cmi.completion_status` from
 * `cmi.progress_measure` against `adlcp:completionThreshold`. The passing score is the course's
 * own (the same rule), written only with `masteryScore` (the runtime then holds the score back
 * until the course decides, as for SCORM 1.2); the completion threshold is 1, and the runtime
 * sends a progress measure of 1 exactly when the course (or the step) is completed.
 */
import type { Course, Step } from '../../model/course.js';
import { globalObjectiveId, sharedStateId } from '../../shared/scorm2004-ids.js';
import { ATTR, buildXml, toXmlId } from '../manifest-xml.js';
import { clampTitle, LAUNCH_FILE, MANIFEST_FILE, scoResource } from './scorm12-manifest.js';

export { globalObjectiveId, LAUNCH_FILE, MANIFEST_FILE, sharedStateId };

const NS_IMSCP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const NS_ADLCP = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const NS_ADLSEQ = 'http://www.adlnet.org/xsd/adlseq_v1p3';
const NS_ADLNAV = 'http://www.adlnet.org/xsd/adlnav_v1p3';
const NS_IMSSS = 'http://www.imsglobal.org/xsd/imsss';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export const SCORM2004_SCHEMA_VERSION = '2004 4th Edition';

export interface Scorm2004ManifestInput {
  course: Course;
  /** Every file of the SCO, as package paths (the manifest and the XSDs excluded). */
  files: string[];
  /** Write the course passing score as the scaled passing score of graded items (see above). */
  masteryScore: boolean;
  /** One SCO per step under simple sequencing, instead of one SCO for the course. */
  scoPerStep?: boolean;
}

/** Identifiers inside the manifest, from the course id only, so a republished package keeps its items. */
export function scorm2004Identifiers(courseId: string): { manifest: string; organization: string; item: string; resource: string; state: string } {
  const base = toXmlId(courseId, 'course-');
  return { manifest: base, organization: `${base}-org`, item: `${base}-sco`, resource: `${base}-res`, state: `${base}-state` };
}

/** The item of one step (one SCO per step). */
export function stepItemId(courseId: string, stepId: string): string {
  return `${toXmlId(courseId, 'course-')}-step-${toXmlId(stepId, '')}`;
}

/** Percent 0–100 → the scaled score 0–1 (at most 4 decimals) SCORM 2004 compares with. */
export function scaledScoreOf(percent: number): string {
  return String(Math.round(Math.min(100, Math.max(0, percent)) * 100) / 10_000);
}

const quizWeight = (course: Course, step: Step): number =>
  step.activities.reduce(
    (sum, a) => (a.kind === 'quiz' ? sum + (course.quizWeights?.[a.id] ?? (a.questions.reduce((s, q) => s + q.weight, 0) || 1)) : sum),
    0,
  );
const graded = (step: Step): boolean => step.activities.some((a) => a.kind === 'quiz');

export function buildScorm2004Manifest(input: Scorm2004ManifestInput): string {
  const { course } = input;
  const ids = scorm2004Identifiers(course.id);
  const title = clampTitle(course.title);
  const courseGraded = course.steps.some(graded);
  const passing = scaledScoreOf(course.passingScore);

  /** The primary objective: satisfied by the measure against the passing score when the item is graded and the build writes it. */
  const primaryObjective = (objectiveId: string, isGraded: boolean, extra: Record<string, unknown> = {}) => ({
    [`${ATTR}objectiveID`]: objectiveId,
    ...(input.masteryScore && isGraded && { [`${ATTR}satisfiedByMeasure`]: 'true', 'imsss:minNormalizedMeasure': passing }),
    ...extra,
  });
  const completionThreshold = { [`${ATTR}completedByMeasure`]: 'true', [`${ATTR}minProgressMeasure`]: '1' };
  // The course (or the step) reports its own completion and success; the LMS does not infer them at exit.
  const deliveryControls = { [`${ATTR}completionSetByContent`]: 'true', [`${ATTR}objectiveSetByContent`]: 'true' };

  let items: Record<string, unknown>[];
  let organizationSequencing: Record<string, unknown> | undefined;
  if (!input.scoPerStep) {
    items = [
      {
        [`${ATTR}identifier`]: ids.item,
        [`${ATTR}identifierref`]: ids.resource,
        [`${ATTR}isvisible`]: 'true',
        title,
        'adlcp:completionThreshold': completionThreshold,
        'imsss:sequencing': {
          'imsss:objectives': {
            'imsss:primaryObjective': primaryObjective(toObjectiveId(course.id), courseGraded),
            // One per step, so the LMS lists them in cmi.objectives before the SCO writes them.
            ...(course.steps.length > 0 && { 'imsss:objective': course.steps.map((s) => ({ [`${ATTR}objectiveID`]: toObjectiveId(s.id) })) }),
          },
          'imsss:deliveryControls': deliveryControls,
        },
      },
    ];
  } else {
    const total = course.steps.reduce((sum, s) => sum + quizWeight(course, s), 0);
    items = course.steps.map((step) => {
      const stepGraded = graded(step);
      const target = globalObjectiveId(course.id, step.id);
      const weight = total > 0 ? Math.round((quizWeight(course, step) / total) * 10_000) / 10_000 : 0;
      return {
        [`${ATTR}identifier`]: stepItemId(course.id, step.id),
        [`${ATTR}identifierref`]: ids.resource,
        [`${ATTR}isvisible`]: 'true',
        [`${ATTR}parameters`]: `?step=${encodeURIComponent(step.id)}`,
        title: clampTitle(step.title),
        'adlcp:completionThreshold': completionThreshold,
        'imsss:sequencing': {
          // A step without a quiz has no success to roll up, and no score to weigh.
          'imsss:rollupRules': stepGraded
            ? { [`${ATTR}objectiveMeasureWeight`]: String(weight) }
            : { [`${ATTR}rollupObjectiveSatisfied`]: 'false', [`${ATTR}objectiveMeasureWeight`]: '0' },
          'imsss:objectives': {
            'imsss:primaryObjective': primaryObjective(toObjectiveId(step.id), stepGraded, {
              'imsss:mapInfo': { [`${ATTR}targetObjectiveID`]: target, [`${ATTR}readSatisfiedStatus`]: 'false', [`${ATTR}readNormalizedMeasure`]: 'false', [`${ATTR}writeSatisfiedStatus`]: 'true', [`${ATTR}writeNormalizedMeasure`]: 'true' },
            }),
          },
          'imsss:deliveryControls': deliveryControls,
          // 4th Edition: the step's completion and progress go to the same global objective.
          'adlseq:objectives': {
            'adlseq:objective': {
              [`${ATTR}objectiveID`]: toObjectiveId(step.id),
              'adlseq:mapInfo': {
                [`${ATTR}targetObjectiveID`]: target,
                [`${ATTR}readRawScore`]: 'false',
                [`${ATTR}readMinScore`]: 'false',
                [`${ATTR}readMaxScore`]: 'false',
                [`${ATTR}readCompletionStatus`]: 'false',
                [`${ATTR}readProgressMeasure`]: 'false',
                [`${ATTR}writeRawScore`]: 'true',
                [`${ATTR}writeCompletionStatus`]: 'true',
                [`${ATTR}writeProgressMeasure`]: 'true',
              },
            },
          },
        },
        // The course's learner state, shared by the step SCOs (adl.data, 4th Edition).
        'adlcp:data': { 'adlcp:map': { [`${ATTR}targetID`]: sharedStateId(course.id), [`${ATTR}readSharedData`]: 'true', [`${ATTR}writeSharedData`]: 'true' } },
      };
    });
    const rule = (childActivitySet: string, conditions: Record<string, string>[], action: string) => ({
      [`${ATTR}childActivitySet`]: childActivitySet,
      'imsss:rollupConditions': {
        ...(conditions.length > 1 && { [`${ATTR}conditionCombination`]: 'all' }),
        'imsss:rollupCondition': conditions,
      },
      'imsss:rollupAction': { [`${ATTR}action`]: action },
    });
    const condition = (name: string, not = false) => ({ ...(not && { [`${ATTR}operator`]: 'not' }), [`${ATTR}condition`]: name });
    organizationSequencing = {
      // The learner moves freely between steps (choice) or in order (flow: Continue/Previous).
      'imsss:controlMode': { [`${ATTR}choice`]: 'true', [`${ATTR}flow`]: 'true' },
      // The course is passed when every graded step is, failed as soon as one is; completed when every step is.
      'imsss:rollupRules': {
        'imsss:rollupRule': [
          rule('all', [condition('satisfied')], 'satisfied'),
          rule('any', [condition('objectiveStatusKnown'), condition('satisfied', true)], 'notSatisfied'),
          rule('all', [condition('completed')], 'completed'),
          rule('any', [condition('attempted')], 'incomplete'),
        ],
      },
    };
  }

  return buildXml({
    manifest: {
      [`${ATTR}identifier`]: ids.manifest,
      [`${ATTR}version`]: course.version,
      [`${ATTR}xmlns`]: NS_IMSCP,
      [`${ATTR}xmlns:adlcp`]: NS_ADLCP,
      [`${ATTR}xmlns:adlseq`]: NS_ADLSEQ,
      [`${ATTR}xmlns:adlnav`]: NS_ADLNAV,
      [`${ATTR}xmlns:imsss`]: NS_IMSSS,
      [`${ATTR}xmlns:xsi`]: NS_XSI,
      [`${ATTR}xsi:schemaLocation`]: [
        `${NS_IMSCP} imscp_v1p1.xsd`,
        `${NS_ADLCP} adlcp_v1p3.xsd`,
        `${NS_ADLSEQ} adlseq_v1p3.xsd`,
        `${NS_ADLNAV} adlnav_v1p3.xsd`,
        `${NS_IMSSS} imsss_v1p0.xsd`,
      ].join(' '),
      metadata: { schema: 'ADL SCORM', schemaversion: SCORM2004_SCHEMA_VERSION },
      organizations: {
        [`${ATTR}default`]: ids.organization,
        organization: {
          [`${ATTR}identifier`]: ids.organization,
          // Global objectives (the steps', one SCO per step) belong to this course, not to every course of the LMS.
          ...(input.scoPerStep && { [`${ATTR}adlseq:objectivesGlobalToSystem`]: 'false', [`${ATTR}adlcp:sharedDataGlobalToSystem`]: 'false' }),
          title,
          item: items,
          ...(organizationSequencing && { 'imsss:sequencing': organizationSequencing }),
        },
      },
      resources: { resource: scoResource(ids.resource, input.files, 'adlcp:scormType') },
    },
  });
}

/** An objective id (xs:anyURI, cmi long_identifier_type): the author's id, whose rules already keep it printable ASCII without spaces. */
function toObjectiveId(id: string): string {
  return id.replace(/[^\u0021-\u007e]/g, '_') || '_';
}

