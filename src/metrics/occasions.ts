import type { LedgerLesson } from './ledger.js';

/**
 * Absence occasions (frånvarotillfällen): maximal runs of consecutive absent
 * lessons in schedule order, across days. Two absent lessons with a present
 * lesson between them are two occasions; a week away is one.
 *
 * Not monotone in absence (filling the gap between two occasions merges them),
 * so the bundled policies threshold on days with absence instead.
 *
 * @param lessons - reported lessons in schedule order
 * @param pick - which absence counts (any, or invalid only)
 * @returns the number of occasions
 * @example countOccasions([{ absent: true, invalid: false }, { absent: false, invalid: false }, { absent: true, invalid: true }], 'any') // 2
 */
export function countOccasions(lessons: readonly LedgerLesson[], pick: 'any' | 'invalid'): number {
  let count = 0;
  let inRun = false;
  for (const lesson of lessons) {
    const hit = pick === 'any' ? lesson.absent : lesson.invalid;
    if (hit && !inRun) count += 1;
    inRun = hit;
  }
  return count;
}
