/**
 * Runtime of cmi5 packages: launched by a cmi5 LMS (endpoint, fetch, actor, registration,
 * activityId in the URL), statements and state go to the LMS's LRS through the cmi5 adapter;
 * opened without them (a preview, a package opened from disk), progress stays in this browser.
 * When a launch cannot be tracked, the learner reads why at the top of the page.
 */
import { createCmi5Adapter } from '../adapters/cmi5.js';
import type { LmsAdapter } from '../adapters/lms-adapter.js';
import { createStandaloneAdapter } from '../adapters/standalone.js';
import { readCmi5Launch, type Cmi5Launch } from '../cmi5/launch.js';
import { Cmi5LaunchError } from '../cmi5/launch-error.js';
import { launchProblemMessage } from '../cmi5/messages.js';
import { untrackedAdapter } from '../cmi5/untracked-adapter.js';
import { startCourse } from '../core/app.js';
import type { RuntimeCourse } from '../../shared/course-data.js';

const course = JSON.parse(document.getElementById('parcours-data')?.textContent ?? '{}') as RuntimeCourse;

function showLaunchProblem(error: Cmi5LaunchError): void {
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.dataset['notice'] = 'cmi5';
  notice.textContent = launchProblemMessage(error.problem, course.language, error.status);
  const notices = document.querySelector('.notices') ?? document.body;
  notices.prepend(notice);
}

let adapter: LmsAdapter;
try {
  const launch: Cmi5Launch | null = readCmi5Launch(window.location.search);
  adapter = launch ? createCmi5Adapter({ course, launch, onLaunchError: showLaunchProblem }) : createStandaloneAdapter();
} catch (error) {
  if (!(error instanceof Cmi5LaunchError)) throw error;
  console.error(`[parcours] cmi5 launch: ${error.message}`);
  showLaunchProblem(error);
  adapter = untrackedAdapter();
}
void startCourse(adapter);
