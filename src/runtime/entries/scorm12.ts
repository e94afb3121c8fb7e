/**
 * Runtime of SCORM 1.2 packages: talks to the LMS's SCORM API when the page finds one,
 * otherwise keeps progress in this browser (the package opened outside an LMS).
 */
import type { RuntimeCourse } from '../../shared/course-data.js';
import { createScorm12Adapter, findScorm12Api } from '../adapters/scorm12.js';
import { createStandaloneAdapter } from '../adapters/standalone.js';
import { startCourse } from '../core/app.js';
import { one } from '../core/dom.js';

const api = findScorm12Api(window);
// The course's choice of answer format (the build's `--answers`), for the LMS's reports.
const { answers } = JSON.parse(one('#parcours-data')!.textContent!) as RuntimeCourse;
void startCourse(api ? createScorm12Adapter(api, { answers }) : createStandaloneAdapter());
