/**
 * Turns a request URL into the path of a file the preview serves (`index.html`,
 * `content/media/intro.mp4`), or says why it cannot be one. Paths are only ever looked up
 * in the rendered site's file list, never joined onto a folder; refusing `..` here as well
 * makes a traversal attempt visible (403) instead of a plain miss (404).
 */
export type SitePath = { ok: true; path: string } | { ok: false; status: 400 | 403 };

export function sitePath(requestUrl: string): SitePath {
  // The raw path, before any URL normalisation could fold `..` segments away.
  const raw = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return { ok: false, status: 400 };
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    // `%2F`, `%5C` and NUL would smuggle a separator or end the name early.
    if (segment === '..' || segment === '.' || /[\\/\0]/.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  const joined = segments.filter((s, i) => s !== '' || i === segments.length - 1).join('/');
  return { ok: true, path: joined === '' || joined.endsWith('/') ? `${joined}index.html` : joined };
}
