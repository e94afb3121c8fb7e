/**
 * The text of a WebVTT captions file as a transcript (HTML paragraphs), for videos whose player
 * cannot take a captions track (YouTube, Vimeo): the cues' words in order, without timings, cue
 * ids, NOTE/STYLE/REGION blocks or markup. A paragraph ends where a sentence ends after a few
 * hundred characters, or at a pause of more than two seconds between cues.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '', rlm: '' };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Seconds of a VTT timestamp (`01:02.500` or `01:02:03.500`). */
function seconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

export function captionsTranscriptHtml(vtt: string): string {
  const paragraphs: string[] = [];
  let current = '';
  let lastEnd = 0;
  for (const block of vtt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing === -1) continue;
    const [start = '0', end = '0'] = lines[timing]!.split('-->').map((s) => s.trim().split(/\s/)[0]!);
    const text = lines
      .slice(timing + 1)
      .join(' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(\w+);/g, (whole, name: string) => (Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : whole))
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) continue;
    const pause = seconds(start) - lastEnd > 2;
    if (current && (pause || (current.length > 400 && /[.!?…»"]$/.test(current)))) {
      paragraphs.push(current);
      current = '';
    }
    current = current ? `${current} ${text}` : text;
    lastEnd = seconds(end);
  }
  if (current) paragraphs.push(current);
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
