import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentIdTable, studentNumberOf } from '../../src/adapters/lessons/studentIdTable.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
/** Ids as they come: opaque ones, near misses of each other, and ones the table must leave out (non-ASCII, quotes, backslashes, controls, lone surrogates). */
const id = fc.oneof(
  fc.stringMatching(/^[\w.:-]{1,20}$/),
  fc.constantFrom('e1', 'e10', 'e1 ', 'E1', 'skola-001-elev-0001', 'skola-001-elev-0002', 'elev-ö', 'e"1', 'e\\1', 'e\t1', '\uD800x', ''),
  fc.string({ maxLength: 6 }),
);

describe('studentIdTable: student numbers by the bytes of the id', () => {
  it('finds the number of every plain-ASCII id and of nothing else, whatever the table size', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 60 }), fc.array(id, { maxLength: 10 }), (ids, probes) => {
        const table = studentIdTable(ids);
        const plain = (s: string): boolean => /^[\x20-\x7e]+$/.test(s) && !s.includes('"') && !s.includes('\\');
        for (const probe of [...ids, ...probes]) {
          const n = ids.indexOf(probe);
          expect(studentNumberOf(table, utf8(probe), 0, utf8(probe).length)).toBe(n >= 0 && plain(probe) ? n : -1);
          // In place, inside a line: the same answer.
          const line = utf8(`{"studentId":"${probe}","date"`);
          expect(studentNumberOf(table, line, 14, 14 + utf8(probe).length)).toBe(n >= 0 && plain(probe) ? n : -1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds a city of ids', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `skola-${String(i % 34).padStart(3, '0')}-elev-${String(i).padStart(5, '0')}`);
    const table = studentIdTable(ids);
    for (const n of [0, 1, 9_999, 19_999]) expect(studentNumberOf(table, utf8(ids[n] ?? ''), 0, (ids[n] ?? '').length)).toBe(n);
    expect(studentNumberOf(table, utf8('skola-000-elev-20000'), 0, 20)).toBe(-1);
  });
});
