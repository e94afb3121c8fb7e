import type { Activity } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';
import { quizRenderer } from './quiz.js';
import { sheetRenderer } from './sheet.js';
import { toolRenderer } from './tool.js';
import { videoRenderer } from './video.js';

/** Every activity kind the renderer knows. Adding a kind means adding its module here. */
export const activityRenderers = [videoRenderer, quizRenderer, sheetRenderer, toolRenderer] as ActivityRenderer[];

export function activityRendererFor(activity: Activity): ActivityRenderer {
  const renderer = activityRenderers.find((r) => r.kind === activity.kind);
  if (!renderer) throw new Error(`No renderer for activity kind "${activity.kind}" (${activity.loc.file}:${activity.loc.line})`);
  return renderer;
}
