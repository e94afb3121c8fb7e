import { readFileSync } from 'node:fs';
import type { VideoActivity } from '../../model/course.js';
import type { ActivityRenderer } from './activity-renderer.js';
import { captionsTranscriptHtml } from './captions-transcript.js';

export const videoRenderer: ActivityRenderer<VideoActivity> = {
  kind: 'video',
  partial: 'activity-video',
  view(video, ctx) {
    const source = video.source;
    const captions = video.captions.map((c) => ({
      src: ctx.assets.add(c.file.path, c.file.absPath),
      lang: c.language,
      label: c.label,
    }));
    // Captions on by default, in the course language when there is such a track.
    const defaultIndex = Math.max(0, captions.findIndex((c) => c.lang === ctx.course.language));
    const external = source.type === 'youtube' || source.type === 'vimeo';
    // A YouTube or Vimeo player takes no captions track: the captions (in the course language when
    // there is such a track) are shown as a transcript instead, unless the author wrote one.
    const caption = external && !video.transcript ? video.captions[defaultIndex] : undefined;
    return {
      id: video.id,
      title: video.title,
      native: source.type === 'file' || source.type === 'url',
      src: source.type === 'file' ? ctx.assets.add(source.file.path, source.file.absPath) : source.type === 'url' ? source.url : '',
      mediaType: source.type === 'file' ? source.file.mediaType : source.type === 'url' ? source.mediaType : '',
      embedUrl: embedUrl(source),
      poster: video.poster ? ctx.assets.add(video.poster.path, video.poster.absPath) : '',
      captions: captions.map((c, i) => ({ ...c, default: i === defaultIndex })),
      transcriptHtml: caption ? captionsTranscriptHtml(readFileSync(caption.file.absPath, 'utf8')) : ctx.markdown(video.transcript, { headingBase: 3 }),
      transcriptTitle: caption ? ctx.t('captionsTranscript', { label: caption.label }) : ctx.t('transcript'),
      // Where the learner can watch it when the player cannot load here (offline, blocked by the LMS's network).
      watchUrl: external ? source.url : '',
      service: source.type === 'vimeo' ? 'Vimeo' : 'YouTube',
      threshold: Math.round(video.watchedThreshold * 100),
    };
  },
  runtime(video) {
    return { kind: 'video', id: video.id, title: video.title, threshold: video.watchedThreshold, source: video.source.type };
  },
};

/** Players for videos the page cannot track; YouTube in its privacy mode, Vimeo without tracking. */
function embedUrl(source: VideoActivity['source']): string {
  if (source.type === 'youtube') return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(source.videoId)}?rel=0`;
  if (source.type === 'vimeo') return `https://player.vimeo.com/video/${encodeURIComponent(source.videoId)}?dnt=1`;
  return '';
}
