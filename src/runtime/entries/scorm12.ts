/**
 * Runtime of SCORM 1.2 packages: talks to the LMS's SCORM API when the page finds one,
 * otherwise keeps progress in this browser (the package opened outside an LMS).
 */
import { createScorm12Adapter, findScorm12Api } from '../adapters/scorm12.js';
import { createStandaloneAdapter } from '../adapters/standalone.js';
import { startCourse } from '../core/app.js';

const api = findScorm12Api(window);
void startCourse(api ? createScorm12Adapter(api) : createStandaloneAdapter());
