/**
 * Runtime entry for looking at a rendered course without an LMS: an in-memory adapter that
 * records every call in `window.parcoursCalls` (for scripts/preview-course.ts), the same one the
 * browser tests use (test/support/recording-adapter.ts).
 */
import { startCourse } from '../src/runtime/core/app.js';
import { recordingAdapter } from '../test/support/recording-adapter.js';

void startCourse(recordingAdapter({ name: 'preview', callsOn: 'parcoursCalls', learnerName: 'Preview' }));
