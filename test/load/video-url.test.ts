import { describe, expect, it } from 'vitest';
import { parseVideoUrl } from '../../src/activities/video-url.js';

describe('parseVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
  ])('recognises the YouTube URL %s', (url, videoId) => {
    expect(parseVideoUrl(url)).toEqual({ ok: true, source: { type: 'youtube', videoId, url } });
  });

  it.each([
    ['https://vimeo.com/123456789', '123456789'],
    ['https://vimeo.com/123456789/abcdef1234', '123456789'],
    ['https://player.vimeo.com/video/123456789', '123456789'],
  ])('recognises the Vimeo URL %s', (url, videoId) => {
    expect(parseVideoUrl(url)).toEqual({ ok: true, source: { type: 'vimeo', videoId, url } });
  });

  it('accepts an https link to an .mp4 or .webm file, with its media type', () => {
    expect(parseVideoUrl('https://cdn.example.org/v/intro.MP4?x=1')).toEqual({
      ok: true,
      source: { type: 'url', url: 'https://cdn.example.org/v/intro.MP4?x=1', mediaType: 'video/mp4' },
    });
    expect(parseVideoUrl('https://cdn.example.org/intro.webm')).toMatchObject({ ok: true, source: { mediaType: 'video/webm' } });
  });

  it('refuses http, flagged as insecure', () => {
    expect(parseVideoUrl('http://youtu.be/dQw4w9WgXcQ')).toMatchObject({ ok: false, insecure: true });
  });

  it.each([
    'not a url',
    'ftp://example.org/intro.mp4',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/channel/UC123',
    'https://vimeo.com/channels/staffpicks',
    'https://example.org/intro.avi',
  ])('refuses %s', (url) => {
    expect(parseVideoUrl(url)).toMatchObject({ ok: false, insecure: false });
  });
});
