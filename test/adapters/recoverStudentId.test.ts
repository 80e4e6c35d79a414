import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverStudentId } from '../../src/adapters/recoverStudentId.js';
import { arbitraryCase } from '../../src/testing/index.js';

describe('recoverStudentId', () => {
  it('reads student.id from any cut-off line that still holds it, wherever the key order puts it', () => {
    fc.assert(
      fc.property(arbitraryCase(), fc.boolean(), fc.nat(), (c, idFirst, extra) => {
        const { id, ...rest } = c.student;
        const student = idFirst ? { id, ...rest } : { ...rest, id };
        const line = JSON.stringify({ consents: c.consents, student, signals: c.signals });
        const end = line.indexOf(`"id":"${id}"`) + `"id":"${id}"`.length;
        expect(recoverStudentId(line.slice(0, end + (extra % (line.length - end + 1))))).toBe(id);
        // Cut before the id is whole: nothing is guessed.
        expect(recoverStudentId(line.slice(0, end - 1))).toBeNull();
      }),
    );
  });

  it('ignores other ids (the school’s), and ids that are not opaque', () => {
    expect(recoverStudentId('{"student":{"school":{"id":"skola-1"},"birthDate":"2012-0')).toBeNull();
    expect(recoverStudentId('{"student":{"school":{"id":"skola-1"},"id":"elev-7","birth')).toBe('elev-7');
    expect(recoverStudentId('{"student":{"id":"19900101-1234","birthDate":"2')).toBeNull();
    expect(recoverStudentId('{"student":{"id":"Anna Andersson"')).toBeNull();
    expect(recoverStudentId('{"x":{"student":{"id":"elev-7"}}}')).toBeNull();
    expect(recoverStudentId('not json')).toBeNull();
    expect(recoverStudentId('{"student": {"id" : "e\\u002d1", "grade": 3}, "signals": [')).toBe('e-1');
  });
});
