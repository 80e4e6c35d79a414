import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/model/boundedMemo.js';
import { weakMemo } from '../../src/model/weakMemo.js';

/** A pure function that counts its calls per key. */
function counted<K, V>(fn: (key: K) => V): { fn: (key: K) => V; calls: Map<K, number> } {
  const calls = new Map<K, number>();
  return {
    calls,
    fn: (key) => {
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return fn(key);
    },
  };
}

describe('boundedMemo', () => {
  it('returns what the function returns and calls it once per key while under the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constant('undefined')), { maxLength: 60 }), (keys) => {
        // `undefined` is a result like any other: remembered, not recomputed.
        const { fn, calls } = counted((k: string) => (k === 'undefined' ? undefined : `${k}!`));
        const memo = boundedMemo(fn);
        for (const k of keys) expect(memo(k)).toBe(k === 'undefined' ? undefined : `${k}!`);
        for (const k of new Set(keys)) expect(calls.get(k)).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('forgets everything when the limit is reached, then remembers again', () => {
    const { fn, calls } = counted((k: number) => k * 2);
    const memo = boundedMemo(fn, 2);
    memo(1);
    memo(2);
    memo(1);
    expect(calls.get(1)).toBe(1);
    memo(3); // third key: the two known ones are forgotten
    memo(1);
    expect(calls.get(1)).toBe(2);
    expect(memo(3)).toBe(6);
    expect(calls.get(3)).toBe(1); // known again: 3 and 1 fill the cache
    memo(2); // at the limit again: forgotten and recomputed
    expect(calls.get(2)).toBe(2);
  });
});

describe('weakMemo', () => {
  it('calls the function once per object, keyed by identity, not by value', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 }), { maxLength: 40 }), (picks) => {
        const objects = [0, 1, 2, 3, 4, 5].map((n) => ({ n }));
        const twin = { n: 0 }; // equal to objects[0], a different object
        const { fn, calls } = counted((o: { n: number }) => ({ doubled: o.n * 2 }));
        const memo = weakMemo(fn);
        const seen = picks.map((i) => memo(objects[i] as { n: number }));
        picks.forEach((i, j) => expect(seen[j]).toBe(memo(objects[i] as { n: number })));
        for (const i of new Set(picks)) expect(calls.get(objects[i] as { n: number })).toBe(1);
        expect(memo(twin)).toEqual({ doubled: 0 });
        expect(calls.get(twin)).toBe(1);
        if (picks.includes(0)) expect(memo(twin)).not.toBe(memo(objects[0] as { n: number }));
      }),
      { numRuns: 100 },
    );
  });

  it('remembers an undefined result', () => {
    const { fn, calls } = counted((_: object) => undefined);
    const memo = weakMemo(fn);
    const key = {};
    memo(key);
    memo(key);
    expect(calls.get(key)).toBe(1);
  });
});
