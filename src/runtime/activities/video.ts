import type { RuntimeVideo } from '../../shared/course-data.js';
import type { VideoProgress } from '../../shared/learner-state.js';
import { own, setOwn } from '../../shared/records.js';
import type { VideoEvent } from '../adapters/lms-adapter.js';
import { one } from '../core/dom.js';
import { createSegmentTracker, watchedShare, wholeSeconds } from '../core/segments.js';
import type { ActivityModule } from './activity-module.js';

/**
 * A native video tracks the parts played (seeking ahead does not count) and counts as
 * watched at its threshold; an embedded YouTube/Vimeo player cannot be tracked, so the
 * learner says when they have watched it, once the player is known to load (else a message
 * and a link to watch it on its site take the frame's place).
 */
export const videoModule: ActivityModule<RuntimeVideo> = {
  kind: 'video',
  isDone: (video, state) => !!own(state.videos, video.id)?.watched,
  mount(view, video, ctx) {
    const { state, t } = ctx;
    const status = one('[data-video-status]', view)!;
    const player = one<HTMLVideoElement>('[data-video-player]', view);
    const saved = (): VideoProgress | undefined => own(state.videos, video.id);
    const progress = (): VideoProgress => saved() ?? setOwn(state.videos, video.id, { segments: [], position: 0 });
    const showStatus = (share: number) => {
      const watched = saved()?.watched;
      status.textContent = watched ? t('videoWatched') : share > 0 ? t('videoProgress', { n: Math.floor(share * 100) }) : '';
      status.className = 'video-status' + (watched ? ' video-status--done' : '');
    };
    /** Counts the video as watched, says so, and reports it at once. */
    const markWatched = (share: number) => {
      progress().watched = true;
      showStatus(share);
      ctx.announce(t('videoWatched'));
    };
    showStatus(0);

    if (!player) {
      const button = one('[data-action="mark-watched"]', view)!;
      const frame = one<HTMLIFrameElement>('iframe', view);
      button.addEventListener('click', () => {
        button.hidden = true;
        markWatched(1);
        status.tabIndex = -1;
        status.focus();
        ctx.update(true);
      });
      /** Whether the player's page can be reached from here; until it is, no "I have watched it". */
      let reachable = false;
      const reached = (yes: boolean) => {
        reachable = yes;
        frame!.parentElement!.hidden = one('[data-video-note]', view)!.hidden = !yes;
        one('[data-video-unavailable]', view)!.hidden = yes;
        button.hidden = !yes || !!saved()?.watched;
      };
      return {
        // Asked when the page is shown (again, after a failure: the learner may be back online).
        // An opaque answer is enough; offline or blocked by the LMS's network, the request fails.
        show() {
          if (!reachable && frame) fetch(frame.src, { mode: 'no-cors' }).then(() => reached(true), () => reached(false));
        },
      };
    }

    const tracker = createSegmentTracker(saved()?.segments);
    const on = (type: keyof HTMLMediaElementEventMap, listener: () => void) => player.addEventListener(type, listener);
    let lastTime = 0;
    let shownPercent = -1;
    /**
     * The learner pressed play; `initialized` is reported once, then, when the length is known.
     * Nothing is reported before: loading the page, or restoring the saved position (a seek),
     * is no learner action and must open no Video Profile session.
     */
    let played = false;
    let initialized = false;
    const share = () => watchedShare(tracker.segments(), player.duration);
    const emit = (verb: VideoEvent['verb'], extra?: Partial<VideoEvent>) =>
      initialized &&
      ctx.adapter.recordVideoEvent?.({
        activityId: video.id,
        verb,
        time: round3(player.currentTime),
        length: round3(player.duration || 0),
        progress: round3(share()),
        segments: tracker.segments().map(([a, b]) => [round3(a), round3(b)]),
        threshold: video.threshold,
        ...extra,
      });

    /** Saves the played parts; counts the video as watched once they reach the threshold. */
    const record = () => {
      const p = progress();
      p.segments = wholeSeconds(tracker.segments());
      p.position = Math.floor(player.currentTime);
      const now = share();
      if (Math.floor(now * 100) !== shownPercent) {
        shownPercent = Math.floor(now * 100);
        showStatus(now);
      }
      if (!p.watched && now >= video.threshold - 1e-9) {
        markWatched(now);
        emit('completed');
        ctx.update(true);
      } else ctx.save();
    };

    const initialize = () => {
      if (played && !initialized && player.duration > 0) {
        initialized = true;
        emit('initialized');
        emit('played');
      }
    };
    const onMetadata = () => {
      const position = saved()?.position ?? 0;
      // Resume where the learner was, unless that is the very end.
      if (position > 0 && position < player.duration - 3) player.currentTime = position;
      lastTime = player.currentTime;
      showStatus(share());
      initialize();
    };
    // The metadata may have loaded before this script ran: its event is then gone.
    if (player.readyState >= 1) onMetadata();
    else on('loadedmetadata', onMetadata);
    on('timeupdate', () => {
      if (player.paused || player.seeking) return;
      tracker.tick(player.currentTime);
      lastTime = player.currentTime;
      record();
    });
    on('play', () => {
      tracker.tick(player.currentTime);
      emit('played');
      played = true;
      initialize();
    });
    on('pause', () => {
      // Played up to here: the last `timeupdate` may have come long before (a busy page), or
      // after the player was already paused, when it is ignored. A pending seek moved nothing yet.
      if (!player.seeking) tracker.tick(player.currentTime);
      tracker.cut();
      record();
      emit('paused');
    });
    on('seeking', tracker.cut);
    on('seeked', () => {
      // A seek to where the player already was (the saved position restored) moved nothing.
      if (player.currentTime !== lastTime) emit('seeked', { timeFrom: round3(lastTime), timeTo: round3(player.currentTime) });
      lastTime = player.currentTime;
    });
    on('ended', () => {
      tracker.tick(player.duration);
      tracker.cut();
      record();
    });
    ctx.onEnd(() => {
      tracker.cut();
      emit('terminated');
    });
    return {
      // Only a shown video loads its metadata (length, then the saved position restored).
      show() {
        player.preload = 'metadata';
      },
      hide() {
        if (!player.paused) player.pause();
      },
    };
  },
};

function round3(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : 0;
}
