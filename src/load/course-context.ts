/** The LoadContext the loader hands to activity and question modules. */
import type { AssetRef, Language, MarkdownText, SourceLocation } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticParams } from '../diagnostics/catalogue.js';
import type { LoadContext, MarkdownInput, NodeRef } from './context.js';
import type { CourseFiles } from './course-files.js';
import { checkContent, checkLinkedFile, fileDiagnostic, hasAcceptedType, linkRule, type FileProblem } from './file-checks.js';
import { markdownDepthProblem } from './markdown-nesting.js';
import { markdownFileLinks, type MarkdownLink } from './markdown-links.js';
import { extensionOf, isPackaged, mediaRules, packagedTypes, type MediaCategory, type MediaRule } from './media.js';

export class CourseContext implements LoadContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Markdown files read, relative paths in reading order (for watching). */
  readonly markdownFiles: string[] = [];
  language: Language = 'fr';
  passingScore = 80;

  constructor(readonly files: CourseFiles) {}

  report(code: DiagnosticCode, loc: SourceLocation | undefined, params: DiagnosticParams = {}): void {
    this.diagnostics.push(createDiagnostic(code, loc, params));
  }

  /** Reports a file refused by the checks of file-checks.ts, at `loc` (where its path is written). */
  reportFile(problem: FileProblem, loc: SourceLocation, rule: MediaRule, authorPath?: string): void {
    this.diagnostics.push(fileDiagnostic(problem, loc, rule, authorPath));
  }

  /** Reports MARKDOWN_TOO_DEEP for a text no Markdown reader should be given (it would stall or overflow). */
  private tooDeep(text: MarkdownText): boolean {
    const problem = markdownDepthProblem(text);
    if (problem) this.diagnostics.push(problem);
    return problem !== undefined;
  }

  markdown(value: MarkdownInput, node: NodeRef): MarkdownText {
    if (typeof value === 'string') {
      const text = { source: value, loc: node.loc() };
      if (this.tooDeep(text)) return text;
      this.checkLinks(markdownFileLinks(value), text.loc.file, (link) => node.find(link.raw) ?? node.find(link.href) ?? text.loc);
      return text;
    }
    const fileNode = node.at('file');
    const asset = this.asset(value.file, fileNode, 'markdown');
    if (asset.absPath === '') return { source: '', loc: fileNode.loc() }; // already reported by asset()
    const read = this.files.readText({ relPath: asset.path, absPath: asset.absPath });
    if (!read.ok) {
      this.reportFile(read, fileNode.loc(), mediaRules.markdown);
      return { source: '', loc: fileNode.loc() };
    }
    const source = read.text;
    if (!this.markdownFiles.includes(asset.path)) this.markdownFiles.push(asset.path);
    if (source.trim() === '') this.report('EMPTY_TEXT', fileNode.loc(), { field: `Markdown file \`${asset.path}\`` });
    const text = { source, loc: { file: asset.path, line: 1, column: 1 } };
    if (this.tooDeep(text)) return text;
    const lines = lineStarts(source);
    this.checkLinks(markdownFileLinks(source), asset.path, (link) => locInText(asset.path, lines, link.offset));
    return text;
  }

  asset(authorPath: string, node: NodeRef, category: MediaCategory): AssetRef {
    const loc = node.loc();
    const rule = mediaRules[category];
    const resolved = this.files.resolve(authorPath);
    const unusable = { absPath: '', mediaType: 'application/octet-stream', loc };
    if (!resolved.ok && resolved.problem === 'outside') {
      this.reportFile(resolved, loc, rule, authorPath);
      return { path: authorPath, ...unusable };
    }
    if (!hasAcceptedType(rule, authorPath)) this.reportFile({ problem: 'wrong-type', relPath: authorPath }, loc, rule);
    if (!resolved.ok) {
      this.reportFile(resolved, loc, rule, authorPath);
      return { path: resolved.relPath, ...unusable };
    }
    const content = isPackaged(category) ? checkContent(this.files, resolved) : undefined;
    if (content) this.reportFile(content, loc, rule);
    return { path: resolved.relPath, absPath: resolved.absPath, mediaType: mediaTypeOf(resolved.relPath), loc };
  }

  /**
   * The course files a Markdown text links to or shows, checked as media are: inside the
   * folder, regular files, of a packaged type. Links to nothing in the course are left alone
   * (they stay as written); the renderer packages only what passes the same checks.
   */
  private checkLinks(links: readonly MarkdownLink[], fromFile: string, locate: (link: MarkdownLink) => SourceLocation): void {
    for (const link of links) {
      const checked = checkLinkedFile(this.files, link.href, fromFile, link.image);
      if (checked && !checked.ok) this.reportFile(checked.problem, locate(link), linkRule(link.image), link.href);
    }
  }
}

function mediaTypeOf(relPath: string): string {
  const extension = extensionOf(relPath);
  return Object.hasOwn(packagedTypes, extension) ? packagedTypes[extension as keyof typeof packagedTypes] : 'application/octet-stream';
}

/** Offsets where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function locInText(file: string, starts: readonly number[], offset: number): SourceLocation {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { file, line: low + 1, column: offset - starts[low]! + 1 };
}
