/** What the standards' checks share: schema results as findings, missing files, launch paths. */
import { createFinding } from '../findings.js';
import { isAbsoluteUrl, resolveHref } from '../paths.js';
import { MAX_MISSING_REPORTED, MAX_SCHEMA_ERRORS, type ManifestContext, type StandardSummary } from '../standard.js';
import { validateWithSchema, type SchemaSet, type ValidateOptions } from '../xsd.js';

/** Validates the manifest and reports the result; the summary's `schema`. */
export async function checkSchema(ctx: ManifestContext, set: SchemaSet, options: ValidateOptions = {}): Promise<StandardSummary['schema']> {
  const result = await validateWithSchema(ctx.text, ctx.file, set, options);
  if (!result.checked) {
    ctx.add(createFinding('MANIFEST_SCHEMA_UNAVAILABLE', { name: ctx.file, why: result.why }, { file: ctx.file }));
    return undefined;
  }
  const shown = result.errors.slice(0, MAX_SCHEMA_ERRORS);
  for (const [i, error] of shown.entries()) {
    const more = i === shown.length - 1 && result.errors.length > shown.length ? ` (and ${result.errors.length - shown.length} more)` : '';
    ctx.add(createFinding('MANIFEST_SCHEMA_INVALID', { name: ctx.file, schema: set.label, reason: error.message + more }, { file: ctx.file, line: error.line }));
  }
  return { label: set.label, valid: result.errors.length === 0 };
}

/** Reports the listed files the package lacks, at most MAX_MISSING_REPORTED of them. */
export class MissingFiles {
  private readonly missing: { href: string; line?: number }[] = [];

  constructor(private readonly ctx: ManifestContext) {}

  /** Checks one `href` (relative to `base`); records it as referred to. */
  check(href: string, base: string, line?: number): void {
    const target = resolveHref(href, base);
    if (target === undefined) return;
    this.ctx.refer(target);
    if (!this.ctx.index.has(target)) this.missing.push({ href: target, line });
  }

  report(): void {
    const shown = this.missing.slice(0, MAX_MISSING_REPORTED);
    for (const [i, { href, line }] of shown.entries()) {
      const variant = this.ctx.index.caseVariant(href);
      const more =
        (variant ? ` (the package has \`${variant}\`: paths are case-sensitive on most servers)` : '') +
        (i === shown.length - 1 && this.missing.length > shown.length ? `; ${this.missing.length - shown.length} more listed files are missing too` : '');
      this.ctx.add(createFinding('FILE_MISSING', { href, more }, { file: this.ctx.file, line }));
    }
  }
}

/**
 * Checks that `href` (what `what` launches) is in the package; returns what the LMS opens: the
 * package path, or the URL itself when absolute.
 */
export function checkLaunch(ctx: ManifestContext, what: string, href: string, base: string, line?: number): string | undefined {
  if (isAbsoluteUrl(href)) return href.trim();
  const target = resolveHref(href, base);
  if (target === undefined || target === '') {
    ctx.add(createFinding('LAUNCH_MISSING', { what, href, more: '' }, { file: ctx.file, line }));
    return undefined;
  }
  ctx.refer(target);
  if (!ctx.index.has(target)) {
    const variant = ctx.index.caseVariant(target);
    const more = variant ? ` (the package has \`${variant}\`: paths are case-sensitive on most servers)` : '';
    ctx.add(createFinding('LAUNCH_MISSING', { what, href: target, more }, { file: ctx.file, line }));
    return undefined;
  }
  return target;
}
