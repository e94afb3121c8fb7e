import type { RuntimeActivity } from '../../shared/course-data.js';
import type { ActivityModule } from './activity-module.js';
import { quizModule } from './quiz.js';
import { sheetModule } from './sheet.js';
import { toolModule } from './tool.js';
import { videoModule } from './video.js';

/** Every activity kind the runtime knows. Adding a kind means adding its module here. */
export const activityModules = [videoModule, quizModule, sheetModule, toolModule] as ActivityModule[];

export function activityModuleFor(activity: RuntimeActivity): ActivityModule | undefined {
  return activityModules.find((m) => m.kind === activity.kind);
}
