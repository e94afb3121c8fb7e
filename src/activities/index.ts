import type { ActivityKind } from './activity-kind.js';
import { video } from './video.js';
import { quiz } from './quiz.js';
import { sheet } from './sheet.js';
import { tool } from './tool.js';

export type { ActivityKind } from './activity-kind.js';

/** Every activity kind. Adding a kind means adding its module here; the step schema composes them. */
export const activityKinds: readonly ActivityKind[] = [video, quiz, sheet, tool];

export function findActivityKind(kind: string): ActivityKind | undefined {
  return activityKinds.find((k) => k.kind === kind);
}
