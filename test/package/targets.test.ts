import { describe, expect, it } from 'vitest';
import { resolveTargets, targets, UnknownTargetError } from '../../src/package/targets.js';

describe('targets registry', () => {
  it('resolves names to targets, in registry order, once each', () => {
    expect(resolveTargets(['scorm12']).map((t) => t.name)).toEqual(['scorm12']);
    expect(resolveTargets(['scorm12', 'scorm12']).map((t) => t.name)).toEqual(['scorm12']);
  });

  it('selects every registered target with `all`', () => {
    expect(resolveTargets(['all'])).toEqual([...targets]);
  });

  it('rejects an unknown name with the list of known ones', () => {
    expect(() => resolveTargets(['aicc'])).toThrow(UnknownTargetError);
    expect(() => resolveTargets(['aicc'])).toThrow(/Unknown target "aicc".*Known targets: scorm12, scorm2004.*all/);
    expect(() => resolveTargets(['scorm2044'])).toThrow(/Did you mean "scorm2004"\?/);
    expect(() => resolveTargets(['scrom12'])).toThrow(/Did you mean "scorm12"\?/);
    expect(() => resolveTargets(['pdf'])).not.toThrow(/Did you mean/);
  });

  it('gives every target a unique name, a runtime entry and a state limit', () => {
    const names = targets.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const target of targets) {
      expect(target.name).toMatch(/^[a-z0-9]+$/);
      expect(target.runtimeEntry).toMatch(/\.ts$/);
      expect(target.maxStateLength).toBeGreaterThan(0);
    }
    expect(targets.find((t) => t.name === 'scorm12')?.maxStateLength).toBe(4096);
    expect(targets.find((t) => t.name === 'scorm2004')?.maxStateLength).toBe(64_000);
  });
});
