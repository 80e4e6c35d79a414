import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progressBar.js';
import { formatProgress } from '../../src/report/progressText.js';

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
