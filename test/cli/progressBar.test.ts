import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progressBar.js';
import { formatOpenProgress, formatProgress } from '../../src/report/progressText.js';
import { caseProgress, progressFlag, PROGRESS_DELAY_MS } from '../../src/cli/caseProgress.js';

const state = { phase: 'reading' as const, done: 50, total: 100, recordsRead: 1_200_000, studentsEvaluated: 0, elapsedS: 3 };

describe('progress bar', () => {
  it('shows share, records, students, rate and time left', () => {
    expect(formatProgress(state, 10, 'en')).toBe('reading    [#####·····]  50%  1,200,000 records  0 students  400,000 records/s  ETA 0:03');
    expect(formatProgress({ ...state, phase: 'evaluating', done: 1000, total: 4000, studentsEvaluated: 1000, elapsedS: 2 }, 4, 'en')).toContain('500 students/s  ETA 0:06');
    expect(formatProgress({ ...state, elapsedS: 0 }, 4, 'en')).toContain('ETA --:--');
    // Swedish by default: a no-break space groups the thousands.
    expect(formatProgress(state, 10)).toBe('läser      [#####·····]  50%  1\u00a0200\u00a0000 poster  0 elever  400\u00a0000 poster/s  kvar 0:03');
    expect(formatProgress({ ...state, phase: 'evaluating', done: 1000, total: 4000, studentsEvaluated: 1000, elapsedS: 2 }, 4)).toContain('500 elever/s  kvar 0:06');
  });

  it('is silent when stderr is not a terminal', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: false, write: (t: string) => written.push(t) });
    bar.update(state, true);
    bar.done();
    expect(written).toEqual([]);
  });

  it('redraws one line on a terminal and ends it', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: true, write: (t: string) => written.push(t) }, undefined, 0);
    bar.update(state, true);
    bar.done();
    expect(written[0]).toMatch(/^\r\x1b\[2Kläser/);
    expect(written.at(-1)).toBe('\n');
  });
});

describe('progress on runs over about 2 s (issue 16)', () => {
  it('draws nothing before the delay, then a line', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: true, write: (t: string) => written.push(t) }, undefined, 0, 'en', 60_000);
    bar.update(state);
    expect(written).toEqual([]);
    bar.update(state, true); // forced (the final redraw) draws anyway
    expect(written).toHaveLength(1);
  });

  it('without a total, shows the count and rate, no bar or share', () => {
    const open = { phase: 'evaluating', done: 12_000, total: 0, recordsRead: 0, studentsEvaluated: 11_990, elapsedS: 3 } as const;
    expect(formatOpenProgress(open, 'en')).toBe('evaluating  11,990 students  4,000 students/s  0:03');
    expect(formatOpenProgress(open)).toBe('utvärderar  11\u00a0990 elever  4\u00a0000 elever/s  0:03');
    const written: string[] = [];
    new ProgressBar({ isTTY: true, write: (t: string) => written.push(t) }, undefined, 0).update({ ...state, total: 0 }, true);
    expect(written[0]).not.toMatch(/[#·%]/);
  });

  it('case runs tick once per case and end the line; off when stderr is not a terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: true, write: (t: string) => written.push(t) };
    const progress = caseProgress(true, 10, 'en', stream);
    progress.tick({ cases: { read: 1, evaluated: 1 }, records: { read: 5 } });
    progress.done();
    expect(written).toEqual([]); // under PROGRESS_DELAY_MS: nothing drawn, nothing to end
    const quiet: string[] = [];
    const off = caseProgress(undefined, 10, 'en', { isTTY: false, write: (t: string) => quiet.push(t) });
    off.tick({ cases: { read: 1, evaluated: 1 }, records: { read: 5 } });
    off.done();
    expect(quiet).toEqual([]);
    expect(PROGRESS_DELAY_MS).toBe(2000);
    expect(progressFlag({ progress: true, 'no-progress': true })).toBe(false);
    expect(progressFlag({})).toBeUndefined();
  });
});
