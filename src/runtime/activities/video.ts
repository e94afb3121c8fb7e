import type { RuntimeVideo } from '../../shared/course-data.js';
import type { VideoProgress } from '../../shared/learner-state.js';
import type { VideoEvent } from '../adapters/lms-adapter.js';
import { one } from '../core/dom.js';
import { SegmentTracker, watchedShare, wholeSeconds } from '../core/segments.js';
import type { ActivityContext, ActivityModule } from './activity-module.js';

/**
 * A native video tracks the parts played (seeking ahead does not count) and counts as
 * watched at its threshold; an embedded YouTube/Vimeo player cannot be tracked, so the
 * learner says when they have watched it.
 */
export const videoModule: ActivityModule<RuntimeVideo> = {
  kind: 'video',
  isDone: (video, state) => !!state.videos[video.id]?.watched,
  mount(view, video, ctx) {
    const status = one('[data-video-status]', view)!;
    const player = one<HTMLVideoElement>('[data-video-player]', view);
    const progress = (): VideoProgress => (ctx.state.videos[video.id] ??= { segments: [], position: 0 });
    const showStatus = (share: number) => {
      const watched = ctx.state.videos[video.id]?.watched;
      status.textContent = watched ? ctx.t('videoWatched') : share > 0 ? ctx.t('videoProgress', { n: Math.floor(share * 100) }) : '';
      status.className = 'video-status' + (watched ? ' video-status--done' : '');
    };
    showStatus(0);
    if (player) return trackPlayer(player, video, ctx, progress, showStatus);

    const button = one('[data-action="mark-watched"]', view);
    if (button) {
      button.hidden = !!ctx.state.videos[video.id]?.watched;
      button.addEventListener('click', () => {
        progress().watched = true;
        button.hidden = true;
        showStatus(1);
        status.tabIndex = -1;
        status.focus();
        ctx.announce(ctx.t('videoWatched'));
        ctx.update(true);
      });
    }
    return {};
  },
};

function trackPlayer(
  player: HTMLVideoElement,
  video: RuntimeVideo,
  ctx: ActivityContext,
  progress: () => VideoProgress,
  showStatus: (share: number) => void,
) {
  const tracker = new SegmentTracker(ctx.state.videos[video.id]?.segments ?? []);
  let lastTime = 0;
  let shownPercent = -1;
  /** The learner opened the video's page; `initialized` is reported once, when its length is known. */
  let shown = false;
  let initialized = false;
  const share = () => watchedShare(tracker.segments(), player.duration);
  const emit = (verb: VideoEvent['verb'], extra: Partial<VideoEvent> = {}) =>
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
      p.watched = true;
      showStatus(now);
      ctx.announce(ctx.t('videoWatched'));
      emit('completed');
      ctx.update(true);
    } else ctx.save();
  };

  const initialize = () => {
    if (shown && !initialized && player.duration > 0) {
      initialized = true;
      emit('initialized');
    }
  };
  const onMetadata = () => {
    const saved = ctx.state.videos[video.id]?.position ?? 0;
    // Resume where the learner was, unless that is the very end.
    if (saved > 0 && saved < player.duration - 3) player.currentTime = saved;
    lastTime = player.currentTime;
    showStatus(share());
    initialize();
  };
  // The metadata may have loaded before this script ran: its event is then gone.
  if (player.readyState >= 1) onMetadata();
  else player.addEventListener('loadedmetadata', onMetadata);
  player.addEventListener('timeupdate', () => {
    if (player.paused || player.seeking) return;
    tracker.tick(player.currentTime);
    lastTime = player.currentTime;
    record();
  });
  player.addEventListener('play', () => {
    tracker.tick(player.currentTime);
    emit('played');
  });
  player.addEventListener('pause', () => {
    tracker.cut();
    record();
    emit('paused');
  });
  player.addEventListener('seeking', () => tracker.cut());
  player.addEventListener('seeked', () => {
    emit('seeked', { timeFrom: round3(lastTime), timeTo: round3(player.currentTime) });
    lastTime = player.currentTime;
  });
  player.addEventListener('ended', () => {
    tracker.tick(player.duration);
    tracker.cut();
    record();
  });
  ctx.onEnd(() => {
    tracker.cut();
    if (initialized) emit('terminated');
  });
  return {
    show() {
      shown = true;
      initialize();
    },
    hide() {
      if (!player.paused) player.pause();
    },
  };
}

function round3(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : 0;
}
