/**
 * What `parcours verify` can say about a package, as data: permanent codes (tools match on
 * them, docs/verify.md lists them), a message with the package's values, and a hint for the
 * person about to upload it. Like the course diagnostics (src/diagnostics/catalogue.ts), an
 * entry may be added or reworded, never renamed.
 *
 * Severity: `error` — an LMS refuses the package or it will not work as meant (exit 1);
 * `warning` — it imports, but something may go wrong on some LMSs; `info` — what the LMS
 * admin should know (the standard, the mastery score and what Moodle does with it).
 */

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  code: VerifyCode;
  severity: FindingSeverity;
  message: string;
  hint?: string;
  /** A file inside the package (path relative to its root), and a line when known. */
  file?: string;
  line?: number;
}

interface VerifyEntry {
  severity: FindingSeverity;
  /** A few words, for the documentation table. */
  title: string;
  /** `{name}` is replaced by the parameter of that name. */
  message: string;
  hint?: string;
}

export const verifyCatalogue = {
  PACKAGE_UNREADABLE: {
    severity: 'error',
    title: 'Not a zip, or a damaged one',
    message: 'The package cannot be read: {reason}',
    hint: 'Export or download it again: a transfer cut short leaves a truncated zip.',
  },
  ZIP_ENTRY_BACKSLASH: {
    severity: 'error',
    title: 'A path written with backslashes',
    message: '`{name}` separates folders with `\\`: LMSs on Linux (Moodle on most servers) extract it as one file with backslashes in its name, and the pages cannot find it',
    hint: 'Zip the folder again with a tool that writes `/` (7-Zip, `zip`, PowerShell 7 `Compress-Archive`), or export the package again from its authoring tool.',
  },
  ZIP_ENTRY_UNSAFE_PATH: {
    severity: 'error',
    title: 'A path outside the package folder',
    message: '`{name}` {problem}: LMSs refuse such an entry or the whole package',
    hint: 'Zip the package folder’s contents from inside it, so every path is relative to the package root.',
  },
  ZIP_ENTRY_DUPLICATE: {
    severity: 'error',
    title: 'The same path twice',
    message: '`{name}` is in the zip {count} times: which copy an LMS keeps depends on its unzip tool',
    hint: 'Build the zip again from a folder, once per file.',
  },
  ZIP_ENTRY_CASE_CLASH: {
    severity: 'warning',
    title: 'Paths that differ only in case',
    message: '`{name}` and `{other}` differ only in upper and lower case: on Windows and macOS servers one overwrites the other',
    hint: 'Rename one of them (and the links to it).',
  },
  ZIP_ENTRY_NAME_ENCODING: {
    severity: 'warning',
    title: 'A non-ASCII file name without the UTF-8 flag',
    message: '`{name}` has characters outside ASCII and the zip does not mark its names as UTF-8: an LMS may read the name in another encoding and not find the file',
    hint: 'Name files in plain ASCII, or zip with a tool that writes UTF-8 names (7-Zip, Info-ZIP `zip` 3).',
  },
  ZIP_ENTRY_ENCRYPTED: {
    severity: 'error',
    title: 'An encrypted entry',
    message: '`{name}` is encrypted: no LMS can extract it',
    hint: 'Zip the package again without a password.',
  },
  ZIP_ENTRY_METHOD: {
    severity: 'error',
    title: 'A compression method LMSs do not read',
    message: '`{name}` is compressed with method {method}; LMSs extract only stored (0) and deflated (8) entries',
    hint: 'Zip the package again with the default compression (deflate).',
  },
  ZIP_ENTRY_CORRUPT: {
    severity: 'error',
    title: 'An entry that does not extract',
    message: '`{name}` cannot be extracted: {reason}',
    hint: 'Export or download the package again.',
  },
  ZIP_BOMB: {
    severity: 'error',
    title: 'A zip that expands beyond reason',
    message: '{reason}',
    hint: 'LMSs refuse such zips, or fill their disk with them: build the package again from its source.',
  },
  PACKAGE_LARGE: {
    severity: 'warning',
    title: 'A large package',
    message: 'The package is {size}: many LMSs refuse uploads this large by default',
    hint: 'Moodle takes at most its site’s maximum upload size (Site administration → Security → Site security settings, and PHP’s upload_max_filesize); host long videos elsewhere and link them.',
  },
  FILE_TYPE_BLOCKED: {
    severity: 'warning',
    title: 'A file type LMSs block',
    message: '`{name}` is {what}: LMSs and their virus scanners often refuse packages that contain one',
    hint: 'Remove it from the package; offer such files as a separate download if learners need them.',
  },
  FILE_JUNK: {
    severity: 'warning',
    title: 'Files an operating system left behind',
    message: '{count} file(s) the system left in the folder ({examples}): they travel with the package for nothing',
    hint: 'Zip the package again without them (on macOS: `zip -r package.zip . -x "__MACOSX/*" "*.DS_Store"`).',
  },
  FOLDER_LINK: {
    severity: 'error',
    title: 'A link or special file in the folder',
    message: '`{name}` is {what}: a zip of this folder would leave it out or copy what it points to',
    hint: 'Replace it with the file itself, inside the folder.',
  },
  STANDARD_UNKNOWN: {
    severity: 'error',
    title: 'No manifest an LMS recognises',
    message: 'No imsmanifest.xml (SCORM), cmi5.xml (cmi5) or tincan.xml (xAPI) at the root of the package',
    hint: 'Export the course again as SCORM, cmi5 or xAPI; an HTML export alone cannot be tracked by an LMS.',
  },
  MANIFEST_NOT_AT_ROOT: {
    severity: 'error',
    title: 'The manifest is in a folder',
    message: '`{name}` is not at the root of the zip: Moodle says "imsmanifest.xml not found" for such a package',
    hint: 'Zip the files inside `{folder}`, not the folder itself.',
  },
  STANDARDS_SEVERAL: {
    severity: 'warning',
    title: 'Manifests of several standards',
    message: 'The package has {files}: an LMS uses one of them ({first} for Moodle), and tracking follows that one only',
    hint: 'Export one package per standard.',
  },
  MANIFEST_TOO_LARGE: {
    severity: 'error',
    title: 'A manifest too large to read',
    message: '`{name}` is {size}; manifests are a few kB, and this one was not read',
    hint: 'Export the package again.',
  },
  MANIFEST_MALFORMED: {
    severity: 'error',
    title: 'A manifest that is not well-formed XML',
    message: '`{name}` is not well-formed XML: {reason}',
    hint: 'LMSs refuse it as it is: export the package again, or fix the XML at that line.',
  },
  MANIFEST_SCHEMA_INVALID: {
    severity: 'error',
    title: 'A manifest the official schema rejects',
    message: '`{name}` does not follow {schema}: {reason}',
    hint: 'Some LMSs import it anyway, others refuse it; the authoring tool should write what the standard says.',
  },
  MANIFEST_SCHEMA_PARTIAL: {
    severity: 'info',
    title: 'Part of the manifest not checked against a schema',
    message: '{what}: {why}',
  },
  MANIFEST_SCHEMA_UNAVAILABLE: {
    severity: 'warning',
    title: 'No schema to check the manifest with',
    message: '`{name}` was not checked against a schema: {why}',
  },
  SCORM_VERSION: {
    severity: 'warning',
    title: 'A SCORM version Moodle reads differently',
    message: '{detail}',
    hint: 'Moodle reads the version from `<schemaversion>`: `1.2` for SCORM 1.2, `2004 3rd Edition` or `2004 4th Edition` (or `CAM 1.3`) for SCORM 2004.',
  },
  MOODLE_PREFIX: {
    severity: 'error',
    title: 'A prefix Moodle does not recognise',
    message: '{detail}',
    hint: 'Moodle matches element and attribute names as written: use no prefix for the content-packaging elements and the `adlcp:` prefix for ADL’s, as every SCORM sample does.',
  },
  ORGANIZATION_MISSING: {
    severity: 'error',
    title: 'No organization to launch',
    message: '{detail}',
    hint: 'The manifest needs an `<organization>` (the one `<organizations default>` names) with an `<item identifierref>` pointing at the SCO.',
  },
  RESOURCE_MISSING: {
    severity: 'error',
    title: 'An item pointing at no resource',
    message: '{what} points at resource `{ref}`, which the manifest does not define',
    hint: 'Moodle imports it with nothing to launch: fix `identifierref`, or add the resource.',
  },
  LAUNCH_MISSING: {
    severity: 'error',
    title: 'The launch file is not in the package',
    message: '{what} launches `{href}`, which is not in the package{more}',
    hint: 'Learners would get a "not found" page: add the file or fix the path (paths are case-sensitive on most servers).',
  },
  LAUNCH_NONE: {
    severity: 'error',
    title: 'Nothing to launch',
    message: '{detail}',
    hint: 'Export the package again: its manifest must name the page the LMS opens.',
  },
  NO_SCO: {
    severity: 'warning',
    title: 'No SCO: nothing reports progress',
    message: 'Every resource the organization launches is an asset (`scormtype` is not `sco`): the LMS opens the pages but records no progress or score',
    hint: 'Mark the resource that talks to the LMS `adlcp:scormtype="sco"` (SCORM 1.2) or `adlcp:scormType="sco"` (SCORM 2004).',
  },
  FILE_MISSING: {
    severity: 'error',
    title: 'A listed file is not in the package',
    message: 'The manifest lists `{href}`, which is not in the package{more}',
    hint: 'Add the file, or export the package again.',
  },
  FILES_UNLISTED: {
    severity: 'info',
    title: 'Files the manifest does not list',
    message: '{count} file(s) are in the package but in no `<file>` of the manifest ({examples}): LMSs serve them all the same; only strict import tools complain',
  },
  IDENTIFIER_INVALID: {
    severity: 'error',
    title: 'An identifier LMSs refuse',
    message: '{what} `{value}` {problem}',
    hint: '{help}',
  },
  TITLE_TOO_LONG: {
    severity: 'error',
    title: 'A title too long for Moodle',
    message: 'The title of {what} has {length} characters: Moodle keeps titles of at most 255 and fails to import a longer one',
    hint: 'Shorten the title in the authoring tool.',
  },
  MASTERY_SCORE: {
    severity: 'info',
    title: 'Mastery score: what the LMS will do with it',
    message: '{detail}',
  },
  MASTERY_SCORE_INVALID: {
    severity: 'error',
    title: 'A mastery score LMSs cannot use',
    message: '{detail}',
    hint: '{help}',
  },
  TINCAN_INVALID: {
    severity: 'error',
    title: 'A tincan.xml LMSs cannot use',
    message: '{detail}',
    hint: 'tincan.xml needs `<tincan><activities>` with exactly one `<activity>` holding `<launch>`; its `id` is an absolute IRI.',
  },
  CMI5_INVALID: {
    severity: 'error',
    title: 'A cmi5.xml rule broken',
    message: '{detail}',
    hint: '{help}',
  },
  STATE_BUDGET: {
    severity: 'info',
    title: 'The learner state at worst (Parcours)',
    message: 'Built by Parcours {version}: the learner state takes at most {worstCase} of the {limit} characters {where} ({percent})',
  },
  STATE_OVER_LIMIT: {
    severity: 'error',
    title: 'The learner state may not fit (Parcours)',
    message: 'Built by Parcours {version}: the learner state can reach {worstCase} characters, over the {limit} {where}',
    hint: 'The LMS would cut it and learners would lose their progress: see STATE_TOO_LARGE in docs/format.md, then build again.',
  },
  STATE_UNRECORDED: {
    severity: 'info',
    title: 'A Parcours package without its build record',
    message: 'This Parcours package has no {file} (built before Parcours recorded it, or changed since): its worst-case learner state is not known here',
    hint: 'Build it again with this Parcours, or run `parcours validate` on its course.',
  },
} as const satisfies Record<string, VerifyEntry>;

export type VerifyCode = keyof typeof verifyCatalogue;
export type FindingParams = Record<string, string | number>;

export function createFinding(code: VerifyCode, params: FindingParams = {}, where: { file?: string; line?: number } = {}): Finding {
  const entry: VerifyEntry = verifyCatalogue[code];
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  return {
    code,
    severity: entry.severity,
    message: fill(entry.message),
    ...(entry.hint && { hint: fill(entry.hint) }),
    ...(where.file !== undefined && { file: where.file }),
    ...(where.line !== undefined && { line: where.line }),
  };
}
