import { describe, expect, it } from 'vitest';
import { sitePath } from '../../src/preview/site-path.js';

describe('sitePath', () => {
  it('maps request paths to the files of the rendered course, decoded', () => {
    expect(sitePath('/')).toEqual({ ok: true, path: 'index.html' });
    expect(sitePath('/?step=basics')).toEqual({ ok: true, path: 'index.html' });
    expect(sitePath('/content/media/intro%20fr.mp4?t=3')).toEqual({ ok: true, path: 'content/media/intro fr.mp4' });
    expect(sitePath('/content/m%C3%A9dias/vid%C3%A9o.mp4')).toEqual({ ok: true, path: 'content/médias/vidéo.mp4' });
    expect(sitePath('/content/')).toEqual({ ok: true, path: 'content/index.html' });
  });

  it('refuses dot segments and smuggled separators, however they are encoded', () => {
    for (const url of ['/../x', '/content/../x', '/content/./x', '/%2e%2e/x', '/%2E%2E/x', '/content/..%2fx', '/a%2fb', '/a%5cb', '/a%00.mp4']) {
      expect(sitePath(url), url).toEqual({ ok: false, status: 403 });
    }
  });

  it('answers 400 to what is not a path', () => {
    expect(sitePath('/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(sitePath('http://elsewhere/')).toEqual({ ok: false, status: 400 });
  });
});
