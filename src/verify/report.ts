/**
 * Verify reports for people (a block per package: what it is, then what to know, errors first)
 * and for tools (`--json`: every key always present, null when unknown).
 */
import type { Finding } from './findings.js';
import type { PackageReport } from './index.js';
import { printable } from '../diagnostics/printable.js';
import { formatBytes } from '../shared/format-bytes.js';

const ansi = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };
type Style = keyof typeof ansi;

/** For a terminal: names from the package (entry names, its manifest's text) and its path are escaped, never sent raw. */
export function formatReports(reports: readonly PackageReport[], options: { color: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? `${ansi[style]}${text}${ansi.reset}` : text);
  const blocks = reports.map((r) => formatReport(r, paint));
  const errors = reports.filter((r) => count(r, 'error') > 0).length;
  const closing =
    reports.length === 1
      ? ''
      : `\n${reports.length} packages: ${errors === 0 ? 'none has' : `${errors} ${errors === 1 ? 'has' : 'have'}`} errors, ${reports.length - errors} ${reports.length - errors === 1 ? 'is' : 'are'} ready to upload\n`;
  return blocks.join('\n') + closing;
}

function formatReport(report: PackageReport, paint: (style: Style, text: string) => string): string {
  const lines = [paint('bold', printable(report.path))];
  const what = [
    report.standards.length > 0 ? report.standards.join(' + ') : 'no standard recognised',
    report.madeBy && `made by ${printable(report.madeBy)}`,
    report.files > 0 && `${formatBytes(report.bytes)}, ${report.files} file${report.files === 1 ? '' : 's'}` + (report.kind === 'zip' ? ` (${formatBytes(report.extractedBytes)} extracted)` : ''),
  ].filter(Boolean);
  lines.push(`  ${what.join(' · ')}`);
  if (report.launch.length > 0) lines.push(`  launches ${printable(report.launch.join(', '))}`);
  for (const schema of report.schemas) {
    lines.push(`  ${schema.valid ? paint('green', '✓') : paint('red', '✗')} manifest ${schema.valid ? 'valid against' : 'does not follow'} ${schema.label}`);
  }
  for (const finding of report.findings) lines.push(...formatFinding(finding, paint));
  const errors = count(report, 'error');
  const warnings = count(report, 'warning');
  const verdict =
    errors > 0
      ? paint('red', `${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}: fix ${errors === 1 ? 'it' : 'them'} before uploading`)
      : paint('green', `ready to upload${warnings ? ` (${plural(warnings, 'warning')})` : ''}`);
  lines.push(`  → ${verdict}`);
  return lines.join('\n') + '\n';
}

function formatFinding(finding: Finding, paint: (style: Style, text: string) => string): string[] {
  const label = finding.severity === 'error' ? paint('red', 'error') : finding.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
  const where = finding.file ? paint('dim', ` (${printable(finding.file)}${finding.line ? `:${finding.line}` : ''})`) : '';
  const out = [`  ${label} ${paint('bold', finding.code)}  ${printable(finding.message)}${where}`];
  if (finding.hint) out.push(`      ${paint('dim', 'hint:')} ${printable(finding.hint)}`);
  return out;
}

function count(report: PackageReport, severity: Finding['severity']): number {
  return report.findings.filter((f) => f.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface VerifyJson {
  ok: boolean;
  errors: number;
  warnings: number;
  packages: {
    path: string;
    kind: 'zip' | 'folder';
    ok: boolean;
    standards: string[];
    madeBy: string | null;
    bytes: number;
    files: number;
    extractedBytes: number;
    launch: string[];
    schemas: { label: string; valid: boolean }[];
    findings: { code: string; severity: Finding['severity']; message: string; hint: string | null; file: string | null; line: number | null }[];
  }[];
}

export function reportsToJson(reports: readonly PackageReport[]): VerifyJson {
  const errors = reports.reduce((sum, r) => sum + count(r, 'error'), 0);
  return {
    ok: errors === 0,
    errors,
    warnings: reports.reduce((sum, r) => sum + count(r, 'warning'), 0),
    packages: reports.map((r) => ({
      path: r.path,
      kind: r.kind,
      ok: count(r, 'error') === 0,
      standards: r.standards,
      madeBy: r.madeBy ?? null,
      bytes: r.bytes,
      files: r.files,
      extractedBytes: r.extractedBytes,
      launch: r.launch,
      schemas: r.schemas,
      findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, hint: f.hint ?? null, file: f.file ?? null, line: f.line ?? null })),
    })),
  };
}
