/**
 * `parcours verify`: what an LMS admin needs to know about a package before uploading it,
 * whoever made it. Reads a zip (streamed, bounded) or a folder, finds the standard by the
 * manifest at its root, and reports findings as data (findings.ts); the CLI prints them.
 */
import { stat } from 'node:fs/promises';
import { BUILD_RECORD_FILE } from '../package/build-record.js';
import { createFinding, type Finding } from './findings.js';
import { openFolder } from './folder-source.js';
import { madeBy } from './made-by.js';
import { formatBytes } from '../shared/format-bytes.js';
import { checkNames, examples, FileIndex } from './paths.js';
import { LIMITS, type PackageSource } from './source.js';
import type { StandardSummary } from './standard.js';
import { standards } from './standards/index.js';
import { decodeXml, parseXml } from './xml.js';
import { openZip } from './zip-source.js';
import { withThousands } from '../shared/format-number.js';

export type { Finding, FindingSeverity, VerifyCode } from './findings.js';
export { verifyCatalogue } from './findings.js';

export interface PackageReport {
  /** As given on the command line. */
  path: string;
  kind: 'zip' | 'folder';
  /** "SCORM 1.2", "cmi5"…: one per manifest found at the root. */
  standards: string[];
  /** The authoring tool, when its files say so ("Parcours 0.1.0", "Adapt"). */
  madeBy?: string;
  /** Size on disk, number of files, and their total size once extracted. */
  bytes: number;
  files: number;
  extractedBytes: number;
  /** What the LMS opens. */
  launch: string[];
  /** The schemas the manifests were checked against, and the outcome. */
  schemas: { label: string; valid: boolean }[];
  /** Errors first, then warnings, then information. */
  findings: Finding[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
/**
 * Files that describe the package rather than belong to its content: never "unlisted". Schemas may
 * sit in folders: ADL's SCORM 2004 set keeps its own in common/, extend/, unique/ and vocab/.
 */
const DESCRIPTIVE_FILE = /\.(xsd|dtd)$/i;

export async function verifyPackage(input: string): Promise<PackageReport> {
  const report: PackageReport = { path: input, kind: 'zip', standards: [], bytes: 0, files: 0, extractedBytes: 0, launch: [], schemas: [], findings: [] };
  let source: PackageSource;
  try {
    const info = await stat(input);
    report.kind = info.isDirectory() ? 'folder' : 'zip';
    source = info.isDirectory() ? await openFolder(input) : await openZip(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file or folder' : (error as Error).message;
    report.findings.push(createFinding('PACKAGE_UNREADABLE', { reason }));
    return report;
  }
  try {
    await inspect(source, report);
  } finally {
    await source.close();
  }
  report.findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return report;
}

async function inspect(source: PackageSource, report: PackageReport): Promise<void> {
  const findings = report.findings;
  findings.push(...source.findings, ...checkNames(source.files));
  report.bytes = source.bytes;
  report.files = source.files.length;
  report.extractedBytes = source.files.reduce((sum, f) => sum + f.size, 0);
  if (source.bytes > LIMITS.largePackageBytes) findings.push(createFinding('PACKAGE_LARGE', { size: formatBytes(source.bytes) }));

  const index = new FileIndex(source.files);
  const referred = new Set<string>();
  const found = standards.filter((s) => index.has(s.manifest));
  for (const standard of found) {
    const summary = await checkManifest(source, index, standard.manifest, standard.check, findings, referred);
    if (!summary) continue;
    report.standards.push(summary.standard);
    report.launch.push(...summary.launch);
    if (summary.schema) report.schemas.push(summary.schema);
  }
  if (found.length === 0) {
    const nested = source.files.find((f) => standards.some((s) => f.name.endsWith(`/${s.manifest}`)));
    if (nested) {
      const folder = nested.name.slice(0, nested.name.lastIndexOf('/') + 1);
      findings.push(createFinding('MANIFEST_NOT_AT_ROOT', { name: nested.name, folder }));
    } else {
      findings.push(createFinding('STANDARD_UNKNOWN'));
    }
  } else if (found.length > 1) {
    findings.push(createFinding('STANDARDS_SEVERAL', { files: found.map((s) => `\`${s.manifest}\``).join(' and '), first: found[0]!.manifest }));
  }

  // SCORM lists a package's files; other standards name only what they launch.
  if (found.some((s) => s.manifest === 'imsmanifest.xml')) {
    const manifests = new Set(found.map((s) => s.manifest));
    const unlisted = source.files.map((f) => f.name).filter((n) => !referred.has(n) && !manifests.has(n) && !DESCRIPTIVE_FILE.test(n));
    if (unlisted.length > 0) findings.push(createFinding('FILES_UNLISTED', { count: unlisted.length, examples: examples(unlisted) }));
  }
  await checkParcoursRecord(source, index, report);
}

async function checkManifest(
  source: PackageSource,
  index: FileIndex,
  file: string,
  check: (typeof standards)[number]['check'],
  findings: Finding[],
  referred: Set<string>,
): Promise<StandardSummary | undefined> {
  const bytes = await source.read(file, LIMITS.maxManifestBytes);
  if (!bytes) {
    const size = source.files.find((f) => f.name === file)?.size ?? 0;
    findings.push(createFinding('MANIFEST_TOO_LARGE', { name: file, size: formatBytes(size) }, { file }));
    return undefined;
  }
  const text = decodeXml(bytes);
  const parsed = parseXml(text);
  if (!parsed.ok) {
    findings.push(createFinding('MANIFEST_MALFORMED', { name: file, reason: parsed.reason }, { file, line: parsed.line }));
    return undefined;
  }
  return check({ file, text, root: parsed.root, files: source.files, index, add: (f) => findings.push(f), refer: (p) => referred.add(p) });
}

const TARGET_STORAGE = new Map([
  ['scorm12', 'SCORM 1.2 keeps (cmi.suspend_data)'],
  ['xapi', 'of the State document the course saves to the LRS'],
  ['cmi5', 'of the State document the course saves to the LRS'],
]);

/** Parcours packages: the worst-case learner state recorded by the build (src/package/build-record.ts). */
async function checkParcoursRecord(source: PackageSource, index: FileIndex, report: PackageReport): Promise<void> {
  const bytes = index.has(BUILD_RECORD_FILE) ? await source.read(BUILD_RECORD_FILE, 64_000) : undefined;
  if (!bytes) {
    if (index.has('parcours.js') && index.has('parcours.css')) {
      report.madeBy = 'Parcours';
      report.findings.push(createFinding('STATE_UNRECORDED', { file: BUILD_RECORD_FILE }));
    } else {
      report.madeBy = madeBy(index, source.files);
    }
    return;
  }
  let record: unknown;
  try {
    record = JSON.parse(bytes.toString('utf8'));
  } catch {
    record = undefined;
  }
  const r = record as { generator?: unknown; version?: unknown; target?: unknown; learnerState?: { worstCase?: unknown; limit?: unknown } } | undefined;
  const worstCase = r?.learnerState?.worstCase;
  const limit = r?.learnerState?.limit;
  if (r?.generator !== 'parcours' || typeof r.version !== 'string' || typeof r.target !== 'string' || typeof worstCase !== 'number' || typeof limit !== 'number' || !(limit > 0)) {
    report.madeBy = madeBy(index, source.files);
    return;
  }
  report.madeBy = `Parcours ${r.version}`;
  const where = TARGET_STORAGE.get(r.target) ?? 'the LMS keeps';
  const params = { version: r.version, worstCase: withThousands(worstCase), limit: withThousands(limit), where, percent: `${Math.round((worstCase / limit) * 100)} %` };
  report.findings.push(createFinding(worstCase > limit ? 'STATE_OVER_LIMIT' : 'STATE_BUDGET', params, { file: BUILD_RECORD_FILE }));
}
