/**
 * Video statements following the xAPI Video Profile (https://w3id.org/xapi/video, ADL's
 * statement data model): initialized, played, paused, seeked, completed, terminated, with the
 * result and context extensions each verb requires (§2.7 of the profile):
 *   time (played, paused, completed, terminated), time-from/time-to (seeked),
 *   progress and played-segments (paused, seeked, completed, terminated),
 *   length and completion-threshold (every statement here), session-id = id of the
 *   video session's initialized statement, category https://w3id.org/xapi/video.
 *
 *   videoStatement(scope, video, step, event, sessionId) → StatementDraft
 *   formatSegments([[0, 12], [14, 21]])                   → '0.000[.]12.000[,]14.000[.]21.000'
 */
import type { Activity, Result } from '@xapi/xapi';
import type { VideoEvent } from '../adapters/lms-adapter.js';
import { activityIri } from '../../shared/iri.js';
import { toIsoDuration } from '../../shared/time.js';
import { clamp01, langMap, round } from './interaction.js';
import { buildContext, courseActivity, stepActivity, type NamedRef, type StatementDraft, type StatementScope } from './statements.js';
import { ACTIVITY_TYPES, VERBS, VIDEO_EXTENSIONS as X, VIDEO_PROFILE_CATEGORY } from './vocabulary.js';

const PROFILE_CATEGORY: Activity = {
  objectType: 'Activity',
  id: VIDEO_PROFILE_CATEGORY,
  definition: { type: 'http://adlnet.gov/expapi/activities/profile' },
};

/** Seconds with at most 3 decimals, as the profile requires. */
function seconds(value: number): number {
  return round(Math.max(0, Number.isFinite(value) ? value : 0), 3);
}

export function formatSegments(segments: readonly (readonly [number, number])[]): string {
  return segments.map(([start, end]) => `${seconds(start).toFixed(3)}[.]${seconds(end).toFixed(3)}`).join('[,]');
}

export function videoActivity(scope: StatementScope, video: NamedRef): Activity {
  return {
    objectType: 'Activity',
    id: activityIri(scope.root, video.id),
    definition: { type: ACTIVITY_TYPES.video, name: langMap(scope.language, video.title) },
  };
}

export function videoStatement(
  scope: StatementScope,
  video: NamedRef,
  step: NamedRef | undefined,
  event: VideoEvent,
  sessionId: string,
): StatementDraft {
  const contextExtensions: Record<string, unknown> = {
    [X.sessionId]: sessionId,
    [X.completionThreshold]: round(clamp01(event.threshold), 3),
  };
  // Length is unknown for some embedded players; the profile wants a real value or none.
  if (event.length > 0 && Number.isFinite(event.length)) contextExtensions[X.length] = seconds(event.length);
  const context = buildContext(
    scope,
    {
      parent: step ? [stepActivity(scope, step)] : [courseActivity(scope)],
      grouping: step ? [courseActivity(scope)] : [],
      category: [PROFILE_CATEGORY],
    },
    contextExtensions,
  );
  const result = videoResult(event);
  const statement: StatementDraft = { verb: VERBS[event.verb], object: videoActivity(scope, video), context };
  if (result) statement.result = result;
  return statement;
}

function videoResult(event: VideoEvent): Result | undefined {
  const progress = round(clamp01(event.progress), 3);
  const segments = formatSegments(event.segments);
  switch (event.verb) {
    case 'initialized':
      return undefined;
    case 'played':
      return { extensions: { [X.time]: seconds(event.time) } };
    case 'seeked':
      return {
        extensions: {
          [X.timeFrom]: seconds(event.timeFrom ?? event.time),
          [X.timeTo]: seconds(event.timeTo ?? event.time),
          [X.progress]: progress,
          [X.playedSegments]: segments,
        },
      };
    case 'completed':
      return {
        completion: true,
        // Time spent consuming the video: the length of what was watched.
        duration: toIsoDuration(1000 * event.segments.reduce((sum, [start, end]) => sum + Math.max(0, end - start), 0)),
        extensions: { [X.time]: seconds(event.time), [X.progress]: progress, [X.playedSegments]: segments },
      };
    case 'paused':
    case 'terminated':
      return { extensions: { [X.time]: seconds(event.time), [X.progress]: progress, [X.playedSegments]: segments } };
  }
}
