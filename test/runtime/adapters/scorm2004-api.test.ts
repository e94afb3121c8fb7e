/**
 * Discovery of the SCORM 2004 API (`API_1484_11`): the same algorithm as SCORM 1.2's, shared
 * (scorm-api.ts): the window and its parents, then the opener's chain, bounded.
 */
import { Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { findScorm2004Api } from '../../../src/runtime/adapters/scorm2004-api.js';
import { newLms } from './scorm12-lms.js';

interface FakeWindow {
  API?: unknown;
  API_1484_11?: unknown;
  parent: FakeWindow;
  top: FakeWindow;
  opener: FakeWindow | null;
}

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

const find = (win: FakeWindow) => findScorm2004Api(win as unknown as Window);

describe('findScorm2004Api', () => {
  it('finds API_1484_11 a few frames up, past a SCORM 1.2 API nearer', () => {
    const chain = frames(4);
    chain[0]!.API_1484_11 = new Scorm2004API({ logLevel: 5 });
    chain[2]!.API = newLms();
    expect(find(chain[3]!)).toBe(chain[0]!.API_1484_11);
  });

  it('finds it on the parent of the window that opened a popup', () => {
    const lms = frames(2);
    lms[0]!.API_1484_11 = new Scorm2004API({ logLevel: 5 });
    expect(find(frames(2, lms[1]!)[1]!)).toBe(lms[0]!.API_1484_11);
  });

  it('takes nothing that is not the API (no Initialize function), and stops on a loop of windows', () => {
    const [win] = frames(1);
    win!.API_1484_11 = { Initialize: 'yes', SetValue: () => 'true' };
    expect(find(win!)).toBeNull();
    const loop = { opener: null } as unknown as FakeWindow;
    // A parent that is never the top: discovery gives up after its bound instead of running forever.
    let n = 0;
    const endless = (): FakeWindow => ({ get parent() { n++; return endless(); }, top: loop, opener: null }) as unknown as FakeWindow;
    loop.parent = endless();
    loop.top = loop;
    expect(find(loop)).toBeNull();
    expect(n).toBeLessThan(2000);
  });
});
