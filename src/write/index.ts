/** write: a package's files → a deterministic zip, streamed to a temp file, then renamed into place. */
export { writeZip, writeZipTemp, ZIP_ENTRY_DATE, ZIP_ENTRY_MODE } from './zip.js';
export type { TempZip, WriteZipOptions, WrittenZip } from './zip.js';
