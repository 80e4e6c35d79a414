/**
 * The DST boundary cases of the duty tests as plain JSON: whole decisions
 * around the 2026 European switches (Sun 2026-03-29 and Sun 2026-10-25; the
 * week after the October switch is höstlov). `dst.test.ts` compares this
 * output across child processes with different `TZ` values.
 */
import type { Decision } from '../../src/index.js';
import { lessons, studentCase, type LessonAbsence } from '../helpers/cases.js';
import { night } from './duties.js';

function day(date: string, absent: (i: number) => LessonAbsence | undefined = () => undefined) {
  return lessons([date], { perDay: 5, absent: (_, i) => absent(i) });
}

/** Spring: invalid absence Fri 2026-03-27 (first lesson) and Mon 2026-03-30 (second lesson, 30 min); present Tue 03-31. */
export const SPRING = studentCase({
  attendance: [
    ...day('2026-03-27', (i) => (i === 0 ? { invalid: 60 } : undefined)),
    ...day('2026-03-30', (i) => (i === 1 ? { invalid: 30 } : undefined)),
    ...day('2026-03-31'),
  ],
});

/** Spring: the last lesson only on Fri 2026-03-27, the Friday before the switch. */
export const SPRING_LAST = studentCase({
  attendance: [...day('2026-03-27', (i) => (i === 4 ? { invalid: 60 } : undefined)), ...day('2026-03-30')],
});

/** Autumn: invalid absence Fri 2026-10-23 (first lesson), then höstlov with the switch on Sun 10-25, back Mon 2026-11-02. */
export const AUTUMN = studentCase({
  attendance: [...day('2026-10-23', (i) => (i === 0 ? { invalid: 60 } : undefined)), ...day('2026-11-02')],
});

export interface DstProbe {
  readonly localHourOfUtcNoon: number;
  readonly decisions: Readonly<Record<string, Decision>>;
}

export function probe(): DstProbe {
  const friday = night(SPRING, '2026-03-27');
  return {
    localHourOfUtcNoon: new Date(Date.UTC(2026, 0, 1, 12)).getHours(),
    decisions: {
      'spring@2026-03-27': friday,
      'spring@2026-03-29': night(SPRING, '2026-03-29'),
      'spring@2026-03-30': night(SPRING, '2026-03-30'),
      'spring@2026-03-31': night(SPRING, '2026-03-31'),
      'spring@2026-03-30+previous': night(SPRING, '2026-03-30', 'skollagen', friday),
      'springLast@2026-03-30': night(SPRING_LAST, '2026-03-30'),
      'autumn@2026-10-25': night(AUTUMN, '2026-10-25'),
      'autumn@2026-11-02': night(AUTUMN, '2026-11-02'),
    },
  };
}
