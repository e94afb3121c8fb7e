/** The LoadContext the loader hands to activity and question modules. */
import fs from 'node:fs';
import mime from 'mime-types';
import type { AssetRef, Language, MarkdownText, SourceLocation } from '../model/course.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic, type DiagnosticCode, type DiagnosticParams } from '../diagnostics/catalogue.js';
import type { LoadContext, MarkdownInput, NodeRef } from './context.js';
import { CourseFiles } from './course-files.js';
import { describeAccepted, extensionOf, mediaRules, type MediaCategory } from './media.js';

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

  markdown(value: MarkdownInput, node: NodeRef): MarkdownText {
    if (typeof value === 'string') return { source: value, loc: node.loc() };
    const fileNode = node.at('file');
    const asset = this.asset(value.file, fileNode, 'markdown');
    let source = '';
    try {
      source = fs.readFileSync(asset.absPath, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return { source, loc: fileNode.loc() }; // already reported by asset()
    }
    if (!this.markdownFiles.includes(asset.path)) this.markdownFiles.push(asset.path);
    if (source.trim() === '') this.report('EMPTY_TEXT', fileNode.loc(), { field: `Markdown file \`${asset.path}\`` });
    return { source, loc: { file: asset.path, line: 1, column: 1 } };
  }

  asset(authorPath: string, node: NodeRef, category: MediaCategory): AssetRef {
    const loc = node.loc();
    const rule = mediaRules[category];
    const extension = extensionOf(authorPath);
    const resolved = this.files.resolve(authorPath);
    if (!resolved.ok && resolved.problem === 'outside') {
      this.report('PATH_OUTSIDE_COURSE', loc, { path: authorPath, reason: resolved.reason });
      return { path: authorPath, absPath: '', mediaType: 'application/octet-stream', loc };
    }
    if (!(rule.extensions as readonly string[]).includes(extension)) {
      this.report('UNSUPPORTED_MEDIA_TYPE', loc, { what: rule.what, path: authorPath, accepted: describeAccepted(rule) });
    }
    if (!resolved.ok) {
      this.report('FILE_NOT_FOUND', loc, {
        path: authorPath,
        suggestion: resolved.suggestion === undefined ? '' : `; did you mean \`${resolved.suggestion}\`?`,
      });
      return { path: resolved.relPath, absPath: '', mediaType: 'application/octet-stream', loc };
    }
    return {
      path: resolved.relPath,
      absPath: resolved.absPath,
      mediaType: mime.lookup(resolved.relPath) || 'application/octet-stream',
      loc,
    };
  }
}
