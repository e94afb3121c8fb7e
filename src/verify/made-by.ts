/**
 * Which tool made a package, from the files each one is known to write (for the report's
 * first line only: the checks are the same for every tool). One entry per tool.
 */
import type { FileIndex } from './paths.js';
import type { PackageFile } from './source.js';

interface Tool {
  name: string;
  test(index: FileIndex, files: readonly PackageFile[]): boolean;
}

const under = (files: readonly PackageFile[], folder: string) => files.some((f) => f.name.startsWith(folder));

const tools: readonly Tool[] = [
  // Rise 360 wraps its course (scormcontent/) in Rustici's SCORM Driver (scormdriver/).
  { name: 'Articulate Rise 360', test: (index, files) => index.has('scormdriver/indexAPI.html') && under(files, 'scormcontent/') },
  { name: 'Articulate Storyline', test: (index, files) => index.has('story.html') || under(files, 'story_content/') },
  // The Adapt framework's build: its core bundle and the course's JSON.
  { name: 'Adapt', test: (index) => index.has('adapt/js/adapt.min.js') },
  { name: 'Adobe Captivate', test: (index, files) => index.has('assets/js/CPM.js') || files.some((f) => /(^|\/)CPM\.js$/.test(f.name)) },
];

export function madeBy(index: FileIndex, files: readonly PackageFile[]): string | undefined {
  return tools.find((t) => t.test(index, files))?.name;
}
