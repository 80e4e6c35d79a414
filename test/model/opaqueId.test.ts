import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { OpaqueIdSchema } from '../../src/model/studentCase.js';
import { arbitraryCase } from '../../src/testing/index.js';

const refused = (id: string): boolean => !OpaqueIdSchema.safeParse(id).success;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const two = (n: number): string => String(n).padStart(2, '0');
/** A personnummer or samordningsnummer in any spelling: 6- or 8-digit date, date parts run together or split, any separator, any prefix and suffix. */
const personnummer = fc
  .record({
    year: fc.integer({ min: 1900, max: 2029 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    samordning: fc.boolean(),
    century: fc.boolean(),
    last: fc.integer({ min: 0, max: 9999 }),
    datePartSeparator: fc.constantFrom('', '-', '.', '_', ':', '/'),
    separator: fc.oneof(fc.constantFrom('', '-', '+', '_', '.', ':', '/', 'T', 'x', ' '), fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/\d/.test(c))),
    prefix: fc.oneof(fc.constantFrom('', 'pnr:', 'T', 'elev-', 'id_'), fc.string({ maxLength: 6 })).filter((p) => !/\d$/.test(p)),
    suffix: fc.oneof(fc.constantFrom('', 'x', '-a', '.b'), fc.string({ maxLength: 6 })).filter((s) => !/^\d/.test(s)),
  })
  .map((p) => {
    const year = p.century ? String(p.year) : two(p.year % 100);
    const date = [year, two(p.month), two(p.day + (p.samordning ? 60 : 0))].join(p.datePartSeparator);
    return `${p.prefix}${date}${p.separator}${String(p.last).padStart(4, '0')}${p.suffix}`;
  });

/** Every `"id"` value in the repository's fixture files (cases, the SS 12000 export, the side file). */
function fixtureIds(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) fixtureIds(path, out);
    else if (name.endsWith('.json')) for (const m of readFileSync(path, 'utf8').matchAll(/"(?:id|studentId|personId)": *"([^"]*)"/g)) out.push(m[1] as string);
  }
  return out;
}

describe('opaque ids never carry a personnummer (issue 12, D9)', () => {
  it('refuses the spellings the issue found', () => {
    for (const id of ['19900101_1234', '900101.1234', 'pnr:19900101-1234', '19900101:1234', 'T199001011234', '199001011234x', '1990-01-01-1234']) expect(refused(id), id).toBe(true);
    for (const id of ['19900101-1234', '900101-1234', '9001011234', '199001011234', '900101+1234', '900161-1234']) expect(refused(id), id).toBe(true);
  });

  it('refuses any personnummer written with any separator, prefix or suffix (a canonical UUID excepted)', () => {
    fc.assert(
      fc.property(personnummer, (id) => {
        fc.pre(!UUID.test(id));
        expect(refused(id)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every id of the fixtures, the fixture school and the arbitraries', () => {
    const ids = [
      ...fixtureIds(new URL('../../fixtures', import.meta.url).pathname),
      ...generateSchool({ students: 300 }).flatMap((c) => [c.student.id, c.student.school.id]),
      ...fc.sample(arbitraryCase(), 500).flatMap((c) => [c.student.id, c.student.school.id]),
      'skola-001-elev-0001',
      'elev-99999',
    ];
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.filter((id) => OpaqueIdSchema.safeParse(id).success === false && /^[\w.:-]{1,128}$/.test(id))).toEqual([]);
  });

  it('accepts random UUIDs, even those whose first groups spell a date and four digits', () => {
    expect(refused('20101215-1234-5abc-8def-0123456789ab')).toBe(false);
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(refused(id)).toBe(false);
      }),
    );
  });
});
