import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointOf, readSs12000Files } from '../../src/io/readSs12000.js';

describe('endpointOf', () => {
  it('recognises files named after the endpoints, pages included', () => {
    expect(endpointOf('export/attendances.json')).toBe('attendances');
    expect(endpointOf('attendances-2.json')).toBe('attendances');
    expect(endpointOf('Attendances.page1.json')).toBe('attendances');
    expect(endpointOf('calendarevents.json')).toBe('calendarEvents');
    expect(endpointOf('persons_2026-11-23.json')).toBe('persons');
  });

  it('does not confuse other endpoints or file types', () => {
    for (const name of ['attendanceEvents.json', 'attendanceSchedules.json', 'aggregatedAttendance.json', 'activities.json', 'persons.ndjson', 'x-persons.json']) {
      expect(endpointOf(name)).toBeUndefined();
    }
  });
});

describe('readSs12000Files', () => {
  it('merges pages in name order, keeps envelopes and plain arrays apart from problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-ss12000-'));
    writeFileSync(join(dir, 'attendances-2.json'), JSON.stringify({ data: [{ id: 'b' }], pageToken: null }));
    writeFileSync(join(dir, 'attendances-1.json'), JSON.stringify({ data: [{ id: 'a' }], pageToken: 'p2' }));
    writeFileSync(join(dir, 'absences.json'), JSON.stringify([{ id: 'x' }]));
    writeFileSync(join(dir, 'persons.json'), '{ not json');
    writeFileSync(join(dir, 'organisations.json'), JSON.stringify({ rows: [] }));
    writeFileSync(join(dir, 'groups.json'), '[]');
    writeFileSync(join(dir, 'notes.txt'), 'ignored without a word');
    const files = await readSs12000Files([dir]);
    expect(files.bundle).toEqual({ attendances: [{ id: 'a' }, { id: 'b' }], absences: [{ id: 'x' }] });
    expect(files.ignored).toEqual([join(dir, 'groups.json')]);
    expect(files.problems.map((p) => [p.location, p.message.slice(0, 12)])).toEqual([
      [join(dir, 'organisations.json'), 'Expected a l'],
      [join(dir, 'persons.json'), 'invalid JSON'],
    ]);
  });
});
