/**
 * Video Profile sessions for an adapter: turns the core's VideoEvents into statements with the
 * profile's session rules (§2.6): every video session opens with `initialized`, whose statement
 * id names the session; a `paused` precedes `terminated` when the video was still playing.
 * Used by both the TinCan and the cmi5 adapters.
 *
 *   const videos = new VideoSessions(scope, resolve, send)
 *   videos.record(event)   one core event → zero or more statements handed to `send`
 *   videos.terminateAll()  leaving: `terminated` for every video still open
 */
import type { VideoEvent } from '../adapters/lms-adapter.js';
import type { NamedRef, StatementDraft, StatementScope } from './statements.js';
import { videoStatement } from './video-profile.js';

interface OpenVideo {
  id: string;
  last: VideoEvent;
  playing: boolean;
}

/** Finds the video's title and step from its activity id. */
export type VideoResolver = (activityId: string) => { activity: NamedRef; step: NamedRef } | undefined;

export class VideoSessions {
  private readonly open = new Map<string, OpenVideo>();

  constructor(
    private readonly scope: StatementScope,
    private readonly resolve: VideoResolver,
    private readonly send: (draft: StatementDraft) => void,
  ) {}

  record(event: VideoEvent): void {
    const found = this.resolve(event.activityId);
    const video: NamedRef = found?.activity ?? { id: event.activityId, title: event.activityId };
    const step = found?.step;
    let session = this.open.get(event.activityId);
    if (event.verb === 'initialized' && session) return;
    if (!session) {
      session = { id: crypto.randomUUID(), last: event, playing: false };
      this.open.set(event.activityId, session);
      const initialized = videoStatement(this.scope, video, step, { ...event, verb: 'initialized' }, session.id);
      this.send({ ...initialized, id: session.id });
      if (event.verb === 'initialized') return;
    }
    if (event.verb === 'terminated' && session.playing) {
      this.send(videoStatement(this.scope, video, step, { ...event, verb: 'paused' }, session.id));
    }
    this.send(videoStatement(this.scope, video, step, event, session.id));
    session.last = event;
    if (event.verb === 'played') session.playing = true;
    // `completed` fires while the video plays on: only a pause stops it.
    if (event.verb === 'paused') session.playing = false;
    if (event.verb === 'terminated') this.open.delete(event.activityId);
  }

  terminateAll(): void {
    for (const [id, video] of [...this.open]) this.record({ ...video.last, activityId: id, verb: 'terminated' });
  }
}
