/**
 * Runtime entry for the core's browser tests: an adapter that records every call in
 * `window.lmsCalls` and resumes from the `state` query parameter, in the launch mode of the
 * `mode` parameter (normal by default). Served by recording-site.ts.
 */
import { startCourse } from '../../src/runtime/core/app.js';
import { recordingAdapter } from './recording-adapter.js';

void startCourse(recordingAdapter({ name: 'recording', callsOn: 'lmsCalls', learnerName: 'Test, Learner' }));
