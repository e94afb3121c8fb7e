import { Type } from '@sinclair/typebox';
import type { AssetRef, Caption, VideoActivity, VideoSource } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';
import { FilePath, Markdown, StrictObject, Text } from '../schema/common.js';
import { defaults } from '../schema/defaults.js';
import { defineActivityKind } from './activity-kind.js';
import { activityBaseProperties, activityBaseToModel } from './common.js';
import { parseVideoUrl } from './video-url.js';

const CaptionSchema = StrictObject(
  {
    lang: Type.String({
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
      description: 'Language of the captions, a BCP 47 tag such as fr or en-GB.',
      examples: ['fr'],
    }),
    label: Type.Optional(Text('Name of the track in the player menu. Defaults to the language name.', ['Français'])),
    src: FilePath('A WebVTT (.vtt) captions file.', ['media/typologie.fr.vtt']),
  },
  { title: 'Captions track', description: 'A WebVTT captions track.' },
);

export const video = defineActivityKind({
  kind: 'video',
  schema: StrictObject(
    {
      kind: Type.Literal('video', { description: 'A video to watch.' }),
      ...activityBaseProperties,
      src: Type.Optional(FilePath('A local .mp4 or .webm video. Give either src or url.', ['media/typologie.mp4'])),
      url: Type.Optional(
        Type.String({
          description: 'An external https video: YouTube, Vimeo, or a link to an .mp4/.webm file. Give either src or url.',
          examples: ['https://www.youtube.com/watch?v=XXXXXXXXXXX', 'https://vimeo.com/123456789'],
        }),
      ),
      poster: Type.Optional(FilePath('Image shown before playback (.jpg, .png or .webp).', ['media/typologie.jpg'])),
      captions: Type.Optional(
        Type.Array(CaptionSchema, { default: [], description: 'WebVTT caption tracks. A video without captions gets a warning.' }),
      ),
      watchedThreshold: Type.Optional(
        Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: defaults.watchedThreshold,
          description: 'Share of the video (greater than 0, at most 1) the learner must watch for it to count as watched.',
        }),
      ),
      transcript: Type.Optional(Markdown('Transcript shown under the video.')),
    },
    { title: 'Video activity', description: 'A video, local or external (YouTube, Vimeo), with captions.' },
  ),

  toModel(raw, node, ctx): VideoActivity {
    const activity: VideoActivity = {
      ...activityBaseToModel(raw, node),
      kind: 'video',
      source: videoSource(raw.src, raw.url, node, ctx),
      captions: (raw.captions ?? []).map((caption, index): Caption => {
        const captionNode = node.at('captions', index);
        return {
          language: caption.lang,
          label: caption.label ?? languageName(caption.lang, ctx.language),
          file: ctx.asset(caption.src, captionNode.at('src'), 'captions'),
          loc: captionNode.loc(),
        };
      }),
      watchedThreshold: raw.watchedThreshold ?? defaults.watchedThreshold,
    };
    if (raw.poster !== undefined) activity.poster = ctx.asset(raw.poster, node.at('poster'), 'poster');
    if (raw.transcript !== undefined) activity.transcript = ctx.markdown(raw.transcript, node.at('transcript'));
    return activity;
  },

  check(activity, ctx) {
    // YouTube and Vimeo embeds take no captions track: the rendered page shows the captions as a transcript.
    const service = activity.source.type === 'youtube' ? 'YouTube' : activity.source.type === 'vimeo' ? 'Vimeo' : undefined;
    // An embed's captions live on its service, out of the course's sight: its transcript is what the course can give.
    const textGiven = activity.captions.length > 0 || (service !== undefined && activity.transcript !== undefined);
    if (!textGiven) ctx.report('VIDEO_WITHOUT_CAPTIONS', activity.loc, { id: activity.id });
    const caption = activity.captions[0];
    if (service && caption) ctx.report('EXTERNAL_VIDEO_CAPTIONS', caption.loc, { id: activity.id, service, file: caption.file.path });
  },

  assets(activity): AssetRef[] {
    return [
      ...(activity.source.type === 'file' ? [activity.source.file] : []),
      ...(activity.poster ? [activity.poster] : []),
      ...activity.captions.map((c) => c.file),
    ];
  },
});

function videoSource(src: string | undefined, url: string | undefined, node: NodeRef, ctx: LoadContext): VideoSource {
  if (src !== undefined && url !== undefined) {
    ctx.report('CONFLICTING_FIELDS', node.at('url').keyLoc(), {
      where: 'This video',
      fields: '`src` and `url`',
      help: 'Keep `src` for a file in the course folder, or `url` for an external video, not both.',
    });
  }
  if (src !== undefined) return { type: 'file', file: ctx.asset(src, node.at('src'), 'video') };
  if (url === undefined) {
    ctx.report('MISSING_FIELD', node.loc(), {
      field: '`src` or `url`',
      where: 'this video activity',
      help: 'Give `src:` for a video file in the course folder, or `url:` for a YouTube, Vimeo or https video link.',
    });
    return { type: 'url', url: '', mediaType: '' };
  }
  const parsed = parseVideoUrl(url);
  if (parsed.ok) return parsed.source;
  const loc = node.at('url').loc();
  if (parsed.insecure) ctx.report('INSECURE_URL', loc, { url });
  else ctx.report('INVALID_URL', loc, { url, reason: parsed.reason });
  return { type: 'url', url, mediaType: '' };
}

/** "Français" for `fr` in a French course: the track label when the author gives none. */
function languageName(tag: string, inLanguage: string): string {
  // Intl.DisplayNames is slow to make (~2 ms): one per course language and tag, not one per caption file.
  const key = `${inLanguage}\u0000${tag}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    if (languageNames.size >= 1000) languageNames.clear(); // tags come from course files: bounded
    languageNames.set(key, (name = readLanguageName(tag, inLanguage)));
  }
  return name;
}
const languageNames = new Map<string, string>();

function readLanguageName(tag: string, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return tag;
  }
}
