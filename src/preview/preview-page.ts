/**
 * What the preview adds to the rendered page, and only in the preview (packages never get
 * it): a script that reloads the page when the course is rebuilt, and an overlay listing
 * the course's errors over the last version that rendered.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { summary } from '../diagnostics/format.js';

/** Address of the Server-Sent Events stream the page listens to. */
export const EVENTS_PATH = '/__parcours/events';

export interface PreviewPageState {
  /** Changes with every rebuild that changed what is served (unique across server restarts). */
  buildId: string;
  /** The current problems; the overlay shows when one is an error. */
  diagnostics: readonly Diagnostic[];
  /** An unexpected failure of the last rebuild (a bug, an unreadable file), shown in the overlay. */
  failure?: string;
  /** Text of a course file, for the line each problem points at. */
  readFile?: (relPath: string) => string | undefined;
}

/** The rendered page with the preview's script (and overlay when needed) before `</body>`. */
export function injectPreview(html: string, state: PreviewPageState): string {
  const addition = overlayHtml(state) + reloadScript(state.buildId);
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + addition : html.slice(0, at) + addition + html.slice(at);
}

/** Served while no version of the course has rendered yet (it had errors from the start). */
export function placeholderPage(state: PreviewPageState): string {
  return injectPreview(
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      '<title>Parcours preview</title>\n</head>\n<body>\n</body>\n</html>\n',
    state,
  );
}

/**
 * Reloads when the server announces another build than the one this page shows: after a
 * rebuild (`reload`), and on reconnecting to a restarted server (`build`, sent first).
 * Reloading keeps the `#/step/activity` address, and the standalone adapter's progress.
 */
function reloadScript(buildId: string): string {
  const script =
    `(function(){var shown=${JSON.stringify(buildId)};var events=new EventSource(${JSON.stringify(EVENTS_PATH)});` +
    `function check(e){if(e.data!==shown){events.close();location.reload();}}` +
    `events.addEventListener('build',check);events.addEventListener('reload',check);})();`;
  return `<script data-parcours-preview>${script}</script>\n`;
}

function overlayHtml(state: PreviewPageState): string {
  const errors = state.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0 && !state.failure) return '';
  const items = state.diagnostics.map((d) => diagnosticItem(d, state.readFile)).join('');
  const failure = state.failure ? `<li><strong>Unexpected failure</strong> ${textWithCode(state.failure)}</li>` : '';
  const heading = errors.length > 0 ? `${summary(state.diagnostics)} in the course` : 'The course could not be rebuilt';
  return (
    `<div id="parcours-preview-overlay" role="alert" style="${OVERLAY_STYLE}">` +
    `<div style="${PANEL_STYLE}">` +
    `<button type="button" style="${BUTTON_STYLE}" onclick="this.parentNode.parentNode.hidden=true">Hide</button>` +
    `<h1 style="font-size:1.25rem;margin:0 0 .25rem">${escapeHtml(heading)}</h1>` +
    `<p style="margin:0 0 1rem">The page shows the last version that rendered. Fix the files and save: this page reloads.</p>` +
    `<ol style="padding-left:1.25rem;margin:0">${failure}${items}</ol></div></div>\n`
  );
}

function diagnosticItem(d: Diagnostic, readFile: PreviewPageState['readFile']): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.column}` : '';
  const code = `${d.code}${d.severity === 'warning' ? ' (warning)' : ''}`;
  const line = d.loc ? readFile?.(d.loc.file)?.split(/\r?\n/)[d.loc.line - 1] : undefined;
  return (
    `<li style="margin:0 0 1rem">` +
    (where ? `<code data-where style="${CODE_STYLE}">${escapeHtml(where)}</code> ` : '') +
    `<strong data-code style="color:${d.severity === 'error' ? '#ff8a80' : '#ffd54f'}">${escapeHtml(code)}</strong> ` +
    `<span data-message>${textWithCode(d.message)}</span>` +
    (d.hint ? `<br><span data-hint>hint: ${textWithCode(d.hint)}</span>` : '') +
    (line !== undefined ? `<pre style="${FRAME_STYLE}">${escapeHtml(`${d.loc!.line} | ${line}`)}</pre>` : '') +
    `</li>`
  );
}

/**
 * Messages and hints mark names and values as Markdown code spans (`name`), as the terminal
 * shows them: here they become <code>. A run of backticks closes only with a run of the same
 * length, as in Markdown, so "(```)" stays as written.
 */
function textWithCode(text: string): string {
  return escapeHtml(text).replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_whole, _ticks, code: string) => `<code style="${CODE_STYLE}">${code.trim() || code}</code>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inline styles: the overlay must not depend on (or leak into) the course's stylesheet.
const OVERLAY_STYLE =
  'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(0,0,0,.6);padding:1rem;font:16px/1.5 system-ui,sans-serif';
const PANEL_STYLE = 'position:relative;max-width:60rem;margin:0 auto;padding:1.5rem;border-radius:8px;background:#1e1e1e;color:#f5f5f5';
const BUTTON_STYLE =
  'float:right;min-height:44px;min-width:44px;margin:0 0 .5rem 1rem;padding:0 1rem;font:inherit;font-weight:600;cursor:pointer;' +
  'color:#1e1e1e;background:#f5f5f5;border:2px solid #f5f5f5;border-radius:6px';
const CODE_STYLE = 'font:.9em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:0 .25em;border-radius:3px;background:#333;color:#fff';
const FRAME_STYLE = 'margin:.5rem 0 0;padding:.5rem;overflow:auto;background:#000;color:#ddd;white-space:pre';
