import { describe, expect, it } from 'vitest';
import { stockholmCivilTime } from '../../../src/adapters/ss12000/stockholmTime.js';

describe('stockholmCivilTime', () => {
  it('reads the same instant written with any offset', () => {
    for (const t of ['2026-11-23T08:10:00+01:00', '2026-11-23T07:10:00Z', '2026-11-23T07:10:00.000Z', '2026-11-23T02:10:00-05:00']) {
      expect(stockholmCivilTime(t)).toEqual({ date: '2026-11-23', time: '08:10' });
    }
  });

  it('follows the DST switches (last Sunday of March and of October)', () => {
    // 2026-03-29: clocks go from 02:00 to 03:00. Friday before is +01:00, Monday after +02:00.
    expect(stockholmCivilTime('2026-03-27T07:10:00Z')).toEqual({ date: '2026-03-27', time: '08:10' });
    expect(stockholmCivilTime('2026-03-30T06:10:00Z')).toEqual({ date: '2026-03-30', time: '08:10' });
    // 2026-10-25: clocks go from 03:00 back to 02:00.
    expect(stockholmCivilTime('2026-10-23T06:10:00Z')).toEqual({ date: '2026-10-23', time: '08:10' });
    expect(stockholmCivilTime('2026-10-26T07:10:00Z')).toEqual({ date: '2026-10-26', time: '08:10' });
  });

  it('takes the Swedish date, not the UTC one, near midnight', () => {
    expect(stockholmCivilTime('2026-11-23T23:30:00Z')).toEqual({ date: '2026-11-24', time: '00:30' });
    expect(stockholmCivilTime('2026-06-30T22:15:00Z')).toEqual({ date: '2026-07-01', time: '00:15' });
  });
});
