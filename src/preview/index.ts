/** preview: serve a course while its author writes it, rebuilt and reloaded on every save. */
export { DEFAULT_PREVIEW_PORT } from './defaults.js';
export { startPreview, type PreviewBuildReport, type PreviewOptions, type PreviewSession } from './preview-session.js';
export { PortInUseError, PREVIEW_HOST } from './preview-server.js';
export { EVENTS_PATH } from './preview-page.js';
export { openBrowser } from './open-browser.js';
