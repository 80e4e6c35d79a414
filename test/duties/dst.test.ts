/**
 * Issue 10 boundary day: a DST change. Dates are civil Europe/Stockholm dates
 * (`evaluate`'s asOf); a duty's dates must not shift by a day and the lessons
 * of the school day after a switch must be counted once, whatever the time
 * zone of the machine. The assertions below hold in any TZ; the last test
 * also runs the same cases in child processes far east and west of UTC and
 * compares the decisions byte for byte.
 *
 * 2026: clocks go forward Sun 2026-03-29, back Sun 2026-10-25. Mon 2026-03-30 is
 * a school day; Mon 2026-10-26 is in höstlov (week 44), so the school day after
 * the October switch is Mon 2026-11-02.
 */
import { describe, expect, it } from 'vitest';
import { probe, type DstProbe } from './dstProbe.js';
import { stepOf } from './duties.js';
import { probeInTimeZones } from '../helpers/inTimeZones.js';

describe('SL 7 kap. 17 § notice around a DST change (domain.md §1.2 samma dag, §7.2 dates are civil dates)', () => {
  const { decisions } = probe();
  const d = (key: string) => {
    const found = decisions[key];
    if (found === undefined) throw new Error(`no decision ${key}`);
    return found;
  };

  it('§1.2: on the Monday after the spring switch both absence days are listed with their own dates, none shifted, overdue by Friday\'s', () => {
    const s = stepOf(d('spring@2026-03-30'), 'vardnadshavare-informeras');
    expect(s).toMatchObject({ arisesOn: '2026-03-27', dueDate: '2026-03-27', status: 'overdue' });
    expect(s.arisesFrom).toEqual({
      kind: 'absence-days',
      days: [
        { date: '2026-03-27', dueDate: '2026-03-27' },
        { date: '2026-03-30', dueDate: '2026-03-30' },
      ],
    });
  });

  it('§7.2: the lessons of the Monday after the switch are counted once (3 days × 5 lessons × 60 min; 90 invalid minutes on 2 days)', () => {
    const { facts } = d('spring@2026-03-31');
    expect(facts.termScheduledMinutes).toBe(900);
    expect(facts.termInvalidAbsenceMinutes).toBe(90);
    expect(facts.termDaysWithAbsence).toBe(2);
    expect(facts.windowAbsence).toEqual({ part: 90, whole: 900 });
  });

  it('§1.2: on the DST Sunday itself (no school day) Friday\'s absence is overdue, due Friday', () => {
    expect(stepOf(d('spring@2026-03-29'), 'vardnadshavare-informeras')).toMatchObject({ arisesOn: '2026-03-27', dueDate: '2026-03-27', status: 'overdue' });
  });

  it('issue 10 §6: with Friday\'s decision as the previous night, Monday keeps the date the duty arose', () => {
    expect(stepOf(d('spring@2026-03-27'), 'vardnadshavare-informeras')).toMatchObject({ arisesOn: '2026-03-27', status: 'recommended' });
    expect(stepOf(d('spring@2026-03-30+previous'), 'vardnadshavare-informeras')).toMatchObject({ arisesOn: '2026-03-27', dueDate: '2026-03-27', status: 'overdue' });
  });

  it('§1.2 särskilda skäl: the last lesson on the Friday before the spring switch is due on Mon 2026-03-30', () => {
    expect(stepOf(d('springLast@2026-03-30'), 'vardnadshavare-informeras').arisesFrom).toEqual({
      kind: 'absence-days',
      days: [{ date: '2026-03-27', dueDate: '2026-03-30' }],
    });
  });

  it('§1.2: autumn switch inside höstlov — Friday 2026-10-23\'s absence is overdue on the switch Sunday and on Mon 2026-11-02, dated 2026-10-23', () => {
    for (const key of ['autumn@2026-10-25', 'autumn@2026-11-02']) {
      const s = stepOf(d(key), 'vardnadshavare-informeras');
      expect(s, key).toMatchObject({ arisesOn: '2026-10-23', dueDate: '2026-10-23', status: 'overdue' });
      expect(s.arisesFrom, key).toEqual({ kind: 'absence-days', days: [{ date: '2026-10-23', dueDate: '2026-10-23' }] });
    }
  });
});

describe('time-zone independence of dated duties', () => {
  // A worker thread cannot change its own time zone: run the probe in child processes.
  const probeUrl = new URL('./dstProbe.ts', import.meta.url).href;
  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Stockholm', 'Australia/Lord_Howe'] as const;

  it('gives the same decisions around both DST switches in UTC+14, UTC−8, Stockholm and Lord Howe (half-hour DST)', async () => {
    const results = await probeInTimeZones<DstProbe>(probeUrl, zones);
    // Guard: the children really ran in other zones (noon UTC on 1 January: 02:00 in Kiritimati,
    // 04:00 in Los Angeles, 13:00 in Stockholm, 23:00 in Lord Howe, summer time there).
    expect(results.map((r) => r.localHourOfUtcNoon)).toEqual([2, 4, 13, 23]);
    const here = JSON.parse(JSON.stringify(probe())) as DstProbe;
    for (const r of results) expect(r.decisions).toEqual(here.decisions);
  }, 30_000);
});
