/**
 * Recognises external video URLs: YouTube (watch?v=, youtu.be/, embed/), Vimeo, or an
 * https link to an .mp4/.webm file. Only https: LMSs serve courses over https and
 * browsers block mixed content.
 */
import type { VideoSource } from '../model/course.js';

export type VideoUrlResult = { ok: true; source: VideoSource } | { ok: false; insecure: boolean; reason: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d+$/;

export function parseVideoUrl(text: string): VideoUrlResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, insecure: false, reason: 'is not a valid URL' };
  }
  if (url.protocol === 'http:') return { ok: false, insecure: true, reason: 'uses http' };
  if (url.protocol !== 'https:') return { ok: false, insecure: false, reason: 'is not a web address' };

  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const segments = url.pathname.split('/').filter(Boolean);

  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'youtu.be') {
    const videoId =
      host === 'youtu.be'
        ? segments[0]
        : segments[0] === 'watch'
          ? (url.searchParams.get('v') ?? undefined)
          : segments[0] === 'embed'
            ? segments[1]
            : undefined;
    if (videoId === undefined || !YOUTUBE_ID.test(videoId)) {
      return { ok: false, insecure: false, reason: 'is a YouTube address without a video id' };
    }
    return { ok: true, source: { type: 'youtube', videoId, url: text } };
  }

  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const videoId = host === 'player.vimeo.com' && segments[0] === 'video' ? segments[1] : segments[0];
    if (videoId === undefined || !VIMEO_ID.test(videoId)) {
      return { ok: false, insecure: false, reason: 'is a Vimeo address without a video id' };
    }
    return { ok: true, source: { type: 'vimeo', videoId, url: text } };
  }

  const extension = url.pathname.toLowerCase().match(/\.(mp4|webm)$/)?.[1];
  if (extension) return { ok: true, source: { type: 'url', url: text, mediaType: `video/${extension}` } };
  return { ok: false, insecure: false, reason: 'is neither a YouTube or Vimeo link nor a link to an .mp4 or .webm file' };
}
