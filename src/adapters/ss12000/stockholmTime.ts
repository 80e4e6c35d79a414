import { DateTime } from 'luxon';
import { boundedMemo } from '../../model/boundedMemo.js';

/** A Europe/Stockholm civil date and wall-clock time. */
export interface CivilTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` */
  readonly time: string;
}

/** Lessons of a school share a few dozen start times: parse each once (architecture: never luxon per record). */
const civilTimes = boundedMemo((dateTime: string): CivilTime => {
  const dt = DateTime.fromISO(dateTime, { zone: 'Europe/Stockholm' });
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') };
}, 4096);

/**
 * The Europe/Stockholm civil date and time of an RFC 3339 timestamp. SS 12000
 * timestamps carry an offset (`+01:00`, `+02:00` in summer, or `Z`); the lesson
 * date Trappa counts school days by is the Swedish one, whatever offset the
 * exporting system wrote and whatever zone the process runs in.
 *
 * @param dateTime - RFC 3339 date-time with offset (validated by the caller)
 * @returns the Stockholm date and time, seconds dropped
 * @example stockholmCivilTime('2026-11-23T07:10:00Z') // { date: '2026-11-23', time: '08:10' }
 */
export function stockholmCivilTime(dateTime: string): CivilTime {
  return civilTimes(dateTime);
}
