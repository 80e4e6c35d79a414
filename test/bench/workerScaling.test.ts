/**
 * The bench's two-worker figures: the speedup is wall over wall, and it never exceeds the
 * ceiling the cores and the measured CPU allow; it reaches it exactly when the two-worker run
 * keeps every core busy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workerScaling } from '../../bench/workerScaling.js';

const seconds = fc.double({ min: 0.01, max: 1000, noNaN: true });

describe('workerScaling', () => {
  it('works out the measured 100 000-student pair of the evening (2026-12-04) by hand', () => {
    // One worker: 16.07 s wall, 17.72 CPU s; two: 11.34 s, 20.47 CPU s; 2 cores.
    const s = workerScaling({ wall: 16.07, cpu: 17.72 }, { wall: 11.34, cpu: 20.47 }, 2);
    expect(s.speedup).toBeCloseTo(16.07 / 11.34, 10);
    expect(s.cpuRatio).toBeCloseTo(20.47 / 17.72, 10);
    expect(s.coresOne).toBeCloseTo(1.1027, 3);
    expect(s.coresTwo).toBeCloseTo(1.8051, 3);
    // 2 / 1.1027 / 1.1552: below the 1.7 although the run kept 1.8 of 2 cores busy.
    expect(s.ceiling).toBeCloseTo(1.57, 2);
  });

  it('never puts the speedup above the ceiling when two workers use at most the cores there are; equal when they use them all', () => {
    fc.assert(
      fc.property(seconds, seconds, seconds, fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer({ min: 1, max: 64 }), (wallOne, cpuOne, wallTwo, busy, cores) => {
        // Two workers' CPU is at most cores × wall: a fraction `busy` of it.
        const two = { wall: wallTwo, cpu: busy * cores * wallTwo };
        const s = workerScaling({ wall: wallOne, cpu: cpuOne }, two, cores);
        expect(s.speedup).toBeLessThanOrEqual(s.ceiling * (1 + 1e-9));
        expect(s.speedup / s.ceiling).toBeCloseTo(busy, 9);
      }),
    );
  });

  it('refuses a run without time, naming what it got', () => {
    expect(() => workerScaling({ wall: 0, cpu: 1 }, { wall: 1, cpu: 1 }, 2)).toThrow(/wall and CPU seconds must be positive.*"wall":0/);
    expect(() => workerScaling({ wall: 1, cpu: 1 }, { wall: 1, cpu: Number.NaN }, 2)).toThrow(RangeError);
    expect(() => workerScaling({ wall: 1, cpu: 1 }, { wall: 1, cpu: 1 }, 0)).toThrow(/cores at least 1/);
  });
});
