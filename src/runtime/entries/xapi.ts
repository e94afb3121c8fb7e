/**
 * Runtime of xAPI (TinCan launch) packages: when the LMS launched the page with TinCan
 * parameters (endpoint, auth, actor, ...), statements and state go to that LRS; otherwise
 * (a preview, a package opened from disk) progress stays in this browser.
 */
import { createStandaloneAdapter } from '../adapters/standalone.js';
import { createXapiAdapter } from '../adapters/xapi.js';
import { startCourse } from '../core/app.js';
import type { RuntimeCourse } from '../../shared/course-data.js';
import { readTinCanLaunch } from '../xapi/launch.js';

const launch = readTinCanLaunch(window.location.search);
const course = JSON.parse(document.getElementById('parcours-data')?.textContent ?? '{}') as RuntimeCourse;
void startCourse(launch ? createXapiAdapter({ course, launch }) : createStandaloneAdapter());
