import fc, { type Arbitrary } from 'fast-check';
import { dateBetween, yearsBefore } from './dates.js';
import { DEFAULT_TEST_AS_OF } from './inputs.js';

/**
 * Values that `AttendanceRecordSchema` rejects, one kind of mistake each:
 * absence over the scheduled minutes, impossible or badly written dates and
 * times, out-of-range or fractional minutes, an unknown key, or not an object.
 * For testing the adapter's per-record rejection.
 *
 * @param options - `asOf` for the otherwise plausible dates (default `DEFAULT_TEST_AS_OF`)
 * @returns an arbitrary invalid lesson (typed `unknown`: it is not a lesson)
 * @example fc.sample(arbitraryInvalidLesson(), 1) // e.g. [{ date: '2026-02-30', start: '08:00', scheduledMinutes: 60 }]
 */
export function arbitraryInvalidLesson(options: { readonly asOf?: string } = {}): Arbitrary<unknown> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const date = dateBetween(yearsBefore(asOf, 1), asOf);
  const minutes = fc.integer({ min: 1, max: 600 });
  const base = fc.record({ date, start: fc.constantFrom('08:00', '10:15', '13:30'), scheduledMinutes: minutes });
  return fc.oneof(
    base.chain((b) =>
      fc
        .integer({ min: 1, max: b.scheduledMinutes })
        .map((valid) => ({ ...b, validAbsenceMinutes: valid, invalidAbsenceMinutes: b.scheduledMinutes - valid + 1 })),
    ),
    base.chain((b) => fc.constantFrom('2026-02-30', '2026-13-01', '26-11-23', '2026/11/23', '', '2026-11-23T08:00').map((d) => ({ ...b, date: d }))),
    base.chain((b) => fc.constantFrom('24:00', '8:00', '08:60', '0800', '').map((s) => ({ ...b, start: s }))),
    base.chain((b) => fc.constantFrom(0, -45, 601, 45.5).map((m) => ({ ...b, scheduledMinutes: m }))),
    base.map((b) => ({ ...b, invalidAbsenceMinutes: -1 })),
    base.map((b) => ({ ...b, comment: 'sjuk' })),
    base.map(({ scheduledMinutes: _omitted, ...b }) => b),
    fc.constantFrom<unknown>(null, 'lektion', 42, [], true),
  );
}
