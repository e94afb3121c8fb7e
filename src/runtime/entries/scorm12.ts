/**
 * Runtime of SCORM 1.2 packages: talks to the LMS's SCORM API when the page finds one,
 * otherwise keeps progress in this browser (the package opened outside an LMS).
 */
import { findScorm12Api, Scorm12Adapter } from '../adapters/scorm12.js';
import { StandaloneAdapter } from '../adapters/standalone.js';
import { startCourse } from '../core/app.js';

const api = findScorm12Api(window);
void startCourse(api ? new Scorm12Adapter(api) : new StandaloneAdapter());
