/**
 * Runtime of SCORM 2004 packages: talks to the LMS's `API_1484_11` when the page finds one,
 * otherwise keeps progress in this browser (the package opened outside an LMS). Launched as one
 * step's SCO (`index.html?step=<id>`), the page opens that step.
 */
import type { RuntimeCourse } from '../../shared/course-data.js';
import { createScorm2004Adapter, findScorm2004Api } from '../adapters/scorm2004.js';
import { createStandaloneAdapter } from '../adapters/standalone.js';
import { attempt } from '../core/attempt.js';
import { startCourse } from '../core/app.js';
import { one } from '../core/dom.js';

const course = JSON.parse(one('#parcours-data')!.textContent!) as RuntimeCourse;
const api = findScorm2004Api(window);
// The step of this SCO, when the package has one per step and the parameter names one of the course's.
const given = attempt(() => new URLSearchParams(location.search).get('step'));
const step = course.steps.find((s) => s.id === given)?.id;
const adapter = api
  ? createScorm2004Adapter(api, { courseId: course.id, language: course.language, passingScore: course.passingScore, ...(step && { step }) })
  : createStandaloneAdapter();
if (step) {
  // The page opens the step (or where the learner was in it), whatever the course state's last page.
  const start = adapter.start.bind(adapter);
  adapter.start = async () => {
    const launch = await start();
    const at = launch.location?.startsWith(step + '/') ? launch.location : step;
    attempt(() => history.replaceState(null, '', '#/' + at));
    return launch;
  };
}
void startCourse(adapter);
