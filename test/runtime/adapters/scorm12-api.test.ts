import { describe, expect, it } from 'vitest';
import { findScorm12Api, type Scorm12Api } from '../../../src/runtime/adapters/scorm12-api.js';
import { newLms } from './scorm12-lms.js';

/** A stand-in for a browser window: only what discovery reads. */
interface FakeWindow {
  API?: unknown;
  parent: FakeWindow;
  top: FakeWindow;
  opener: FakeWindow | null;
}

/** A chain of frames, outermost first; returns the innermost (the content's window). */
function frames(count: number, opener: FakeWindow | null = null): FakeWindow[] {
  const chain: FakeWindow[] = [];
  for (let i = 0; i < count; i++) {
    const win = { opener: null } as unknown as FakeWindow;
    win.parent = chain[i - 1] ?? win;
    chain.push(win);
  }
  for (const win of chain) win.top = chain[0]!;
  chain[0]!.opener = opener;
  return chain;
}

/** A window of another origin: reading anything on it throws, as browsers do. */
function crossOrigin(parent: FakeWindow): FakeWindow {
  const blocked = { parent, top: parent.top, opener: null } as FakeWindow;
  return new Proxy(blocked, {
    get(target, key) {
      if (key === 'parent' || key === 'top') return target[key];
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  });
}

const find = (win: FakeWindow): Scorm12Api | null => findScorm12Api(win as unknown as Window);

describe('findScorm12Api', () => {
  it('finds the API on the content window itself', () => {
    const [win] = frames(1);
    win!.API = newLms();
    expect(find(win!)).toBe(win!.API);
  });

  it('finds the API on a parent frame, a few frames up', () => {
    const chain = frames(4);
    chain[1]!.API = newLms();
    expect(find(chain[3]!)).toBe(chain[1]!.API);
  });

  it('finds the API on the parent of the window that opened a popup', () => {
    const lms = frames(2);
    lms[0]!.API = newLms();
    const popup = frames(2, lms[1]!);
    expect(find(popup[1]!)).toBe(lms[0]!.API);
  });

  it('walks past a frame of another origin', () => {
    const [top] = frames(1);
    top!.API = newLms();
    const foreign = crossOrigin(top!);
    const content = { parent: foreign, top: top!, opener: null } as FakeWindow;
    expect(find(content)).toBe(top!.API);
  });

  it('returns null without an LMS, and ignores an `API` that is not a SCORM 1.2 API', () => {
    expect(find(frames(3)[2]!)).toBeNull();
    const chain = frames(2, frames(1)[0]!);
    chain[0]!.API = { Initialize: () => 'true' };
    expect(find(chain[1]!)).toBeNull();
  });

  it('stops on a loop of windows instead of hanging', () => {
    const a = { opener: null } as unknown as FakeWindow;
    const b = { opener: null } as unknown as FakeWindow;
    a.parent = b;
    b.parent = a;
    a.top = a;
    b.top = a;
    expect(find(a)).toBeNull();
  });
});
