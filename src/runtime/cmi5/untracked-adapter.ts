/**
 * The adapter of a cmi5 launch that cannot be tracked (malformed launch URL): the course
 * still opens, nothing is saved, and the page says why (see the entry). Not `standalone`:
 * progress is not kept in this browser either, and the page must not claim it is.
 */
import { STATE_DOCUMENT_MAX_LENGTH } from '../../shared/learner-state.js';
import type { LmsAdapter } from '../adapters/lms-adapter.js';

export function untrackedAdapter(): LmsAdapter {
  const ignore = () => undefined;
  return {
    name: 'cmi5-untracked',
    maxStateLength: STATE_DOCUMENT_MAX_LENGTH,
    standalone: false,
    start: () => Promise.resolve({ savedState: null, mode: 'normal' }),
    saveState: ignore,
    setLocation: ignore,
    recordInteraction: ignore,
    recordObjective: ignore,
    setProgress: ignore,
    commit: ignore,
    finish: ignore,
  };
}
