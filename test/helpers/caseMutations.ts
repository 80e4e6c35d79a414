/**
 * Mutations of a valid student case, for holding a hot-path validator to its
 * zod schema: each one changes one place of the case (the root, the student,
 * the school, the residence, consents, signals, measures, the attendance array
 * and its first, second and last lesson) in one way: a wrong or borderline
 * value, a missing field, an extra or forbidden key, an object that is not
 * plain, a copied or conflicting lesson. A place is chosen by its field name
 * first (`grade`, `until`, `municipalityCode`, …), so a rare field is hit as
 * often as a lesson's. A new value is either one on the edge of what that
 * field allows (`BOUNDARY`: 11 and 12 for a grade, 80 and 81 characters for a
 * district) or one from a pool that holds, besides wrong types, values that
 * are valid somewhere (a date, a code, an enum value of another field), so a
 * mutated case is sometimes still valid and sometimes not.
 */
import fc, { type Arbitrary } from 'fast-check';

type Path = ReadonlyArray<string | number>;
type Container = Record<string | number, unknown>;

/** Values a place may be set to: wrong types, edge numbers, dates, codes, ids, enum values of every field. */
const VALUES: ReadonlyArray<() => unknown> = [
  ...[null, undefined, true, false, 0, -0, 1, -1, 5.5, 11, 12, 600, 601, Number.NaN, Number.POSITIVE_INFINITY, 1e21].map((v) => () => v),
  ...['', 'x', 'x'.repeat(80), 'x'.repeat(81), 'a'.repeat(129), 'Anna Andersson', 'elev-7', 'skola-1', '19900101-1234', 'pnr:900101.1234', '550e8400-e29b-41d4-a716-446655440000'].map((v) => () => v),
  ...['2026-11-23', '2024-02-29', '2026-02-29', '2026-13-01', '2026-11-23T08:00', '26-11-23', '2026-01-01', '2027-06-30', '2010-05-17', '08:10', '24:00'].map((v) => () => v),
  ...['0180', '180', '01800', '1480', 'grundskola', 'forskoleklass', 'kommunal', 'statlig', 'skolsocialt-team', 'given', 'refused', 'not-asked', 'yes', 'unknown'].map((v) => () => v),
  ...['bullying', 'harm-suspected', 'eht', 'rektor-utredning', 'done', 'obehovligt', 'sick', 'none', 'skolk', 'GRUNDSKOLA'].map((v) => () => v),
  () => [],
  () => ({}),
  () => ['skolsocialt-team'],
  () => ['skolsocialt-team', 'skolsocialt-team'],
  () => ['x'],
  () => ({ guardians: 'given' }),
  () => ({ municipalityCode: '0180' }),
  () => ({ municipalityCode: '0180', district: 'Skarpnäck' }),
  () => ({ type: 'bullying', date: '2026-10-01' }),
  () => ({ step: 'eht', date: '2026-10-01' }),
  () => new Date('2026-11-23'),
  () => [{ type: 'bullying', date: '2026-10-01', until: '2026-09-01' }],
];

const DATES = ['2024-02-29', '2026-02-29', '2026-11-31', '2026-13-01', '2026-11-23T08:00', ' 2026-11-23', '2026-01-01', '2026-11-23', '2027-06-30', '2010-05-17'];
const FLAGS = [true, false, 'true', 0, null];
const MINUTES = [0, 1, 40, 599, 600, 601, -1, 5.5, '60'];
const DISTRICT = ['', 'S', 'x'.repeat(80), 'x'.repeat(81), 'Skarpnäck'];
const MUNICIPALITY = ['0180', '1480', '180', '01800', '018a', '\u0660\u0661\u0668\u0660', '0180\n'];

/** Values on the edge of what a field allows, by field name (the schema's limits, read from `src/model/studentCase.ts`). */
const BOUNDARY: Readonly<Record<string, readonly unknown[]>> = {
  id: ['elev-1', 'a'.repeat(128), 'a'.repeat(129), '', 'elev 1', 'elev/1', '19900101-1234', '9001011234', 'pnr:900101.1234', 'T199001011234', '550e8400-e29b-41d4-a716-446655440000'],
  birthDate: DATES,
  enrolledFrom: DATES,
  date: DATES,
  until: DATES,
  grade: [0, 11, 12, -1, 5.5, '7', -0],
  schoolForm: ['grundskola', 'gymnasieskola', 'anpassad-gymnasieskola', 'Grundskola', 'forskola'],
  huvudman: ['kommunal', 'fristaende', 'statlig', 'privat'],
  municipalityCode: MUNICIPALITY,
  district: DISTRICT,
  teams: [[], ['skolsocialt-team'], ['skolsocialt-team', 'skolsocialt-team'], ['eht'], 'skolsocialt-team'],
  'teams[]': ['skolsocialt-team', 'eht', ''],
  residence: [{ municipalityCode: '0180' }, { municipalityCode: '0180', district: 'x'.repeat(81) }, { district: 'S' }, undefined],
  protectedIdentity: FLAGS,
  studiehjalp: ['yes', 'no', 'unknown', 'ja'],
  guardians: ['given', 'refused', 'not-asked', 'asked'],
  student: ['given', 'refused', 'not-asked', 'yes'],
  type: ['bullying', 'concealment', 'harm', 'eht'],
  step: ['eht', 'samtycke', 'csn-rapport', 'bullying'],
  outcome: ['done', 'started', 'obehovligt', 'ongoing'],
  scheduledMinutes: MINUTES,
  validAbsenceMinutes: MINUTES,
  invalidAbsenceMinutes: MINUTES,
  reported: FLAGS,
  guardianReported: FLAGS,
  start: ['08:10', '00:00', '23:59', '24:00', '8:10', '08:60'],
  reason: ['none', 'sick', 'school-initiated', 'skolk'],
};

/** Keys an object may gain: unknown ones, a name, keys valid elsewhere, and the forbidden ones. */
const KEYS: readonly string[] = [
  'extra',
  'Anna Andersson',
  'district',
  'until',
  'outcome',
  'guardians',
  'student',
  'residence',
  'protectedIdentity',
  'enrolledFrom',
  'studiehjalp',
  'teams',
  'sip',
  'information-sharing',
  'reason',
  'date',
  '__proto__',
  'constructor',
  'prototype',
];

/** One mutation: where (an index into the case's places, modulo their count) and what. */
export type CaseMutation =
  | { readonly kind: 'set'; readonly where: Where; readonly boundary: boolean; readonly value: number }
  | { readonly kind: 'delete'; readonly where: Where }
  | { readonly kind: 'add'; readonly where: Where; readonly key: number; readonly value: number }
  | { readonly kind: 'container'; readonly where: Where; readonly as: 'null-prototype' | 'class-instance' | 'array' }
  | { readonly kind: 'lesson'; readonly where: Where; readonly as: 'copy' | 'conflict' };

/** A place: a field name among those in the case, then one of the places with that name (each modulo the count). */
export interface Where {
  readonly name: number;
  readonly index: number;
}

const where: Arbitrary<Where> = fc.record({ name: fc.noBias(fc.nat({ max: 999 })), index: fc.nat() });

/** A mutation: setting a value half the time (mostly an edge value of the field), the other kinds sharing the rest. */
export const arbitraryMutation: Arbitrary<CaseMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), where, boundary: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), where }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), where, key: fc.nat({ max: KEYS.length - 1 }), value: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('container' as const), where, as: fc.constantFrom('null-prototype' as const, 'class-instance' as const, 'array' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lesson' as const), where, as: fc.constantFrom('copy' as const, 'conflict' as const) }) },
);

/** The name of a place: its key, `<array>[]` for an element, `(root)` for the case. */
function nameOf(path: Path): string {
  const key = path[path.length - 1];
  if (key === undefined) return '(root)';
  return typeof key === 'number' ? `${String(path[path.length - 2] ?? '')}[]` : key;
}

/** Every place of a case a mutation may land on, grouped by name in document order; of the lessons only the first and the last. */
function placesOf(root: unknown): Map<string, Path[]> {
  const places = new Map<string, Path[]>();
  const visit = (value: unknown, path: Path): void => {
    const name = nameOf(path);
    places.set(name, [...(places.get(name) ?? []), path]);
    if (typeof value !== 'object' || value === null) return;
    const lessons = path.length === 1 && path[0] === 'attendance' && Array.isArray(value);
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      if (lessons && typeof key === 'number' && key > 0 && key < (value as unknown[]).length - 1) continue;
      visit((value as Container)[key], [...path, key]);
    }
  };
  visit(root, []);
  return places;
}

/** The place `where` points at. */
function placeAt(root: unknown, w: Where): Path {
  const groups = [...placesOf(root).values()];
  const group = groups[w.name % groups.length] as Path[];
  return group[w.index % group.length] as Path;
}

/** The value a `set` writes: an edge value of the field when it has them and `boundary` asks for one, else one from the pool. */
function newValue(path: Path, boundary: boolean, pick: number): unknown {
  const edges = BOUNDARY[nameOf(path)];
  if (boundary && edges !== undefined) return structuredClone(edges[pick % edges.length]);
  return (VALUES[pick % VALUES.length] as () => unknown)();
}

class NotPlain {}

/** The same keys and values, in an object that is not plain or not an object. */
function recontain(value: unknown, as: 'null-prototype' | 'class-instance' | 'array'): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (as === 'array') return Object.values(value);
  return Object.assign(as === 'null-prototype' ? (Object.create(null) as object) : new NotPlain(), value);
}

/**
 * Apply one mutation to a case (mutated in place; pass a copy).
 *
 * @param root - the case, or a value at the root
 * @param m - the mutation
 * @returns the mutated case (a new value when the root itself is replaced)
 * @example mutate({ student: { grade: 7 } }, { kind: 'set', where: { name: 2, index: 0 }, boundary: true, value: 1 }) // { student: { grade: 11 } }
 */
export function mutate(root: unknown, m: CaseMutation): unknown {
  if (m.kind === 'lesson') {
    const lessons = (root as { attendance?: unknown } | null)?.attendance;
    if (!Array.isArray(lessons) || lessons.length === 0) return root;
    const copy = structuredClone(lessons[m.where.index % lessons.length]) as unknown;
    if (m.as === 'conflict' && typeof copy === 'object' && copy !== null) {
      const lesson = copy as Container;
      lesson['invalidAbsenceMinutes'] = lesson['invalidAbsenceMinutes'] === 0 ? 1 : 0;
    }
    lessons.splice(m.where.name % (lessons.length + 1), 0, copy);
    return root;
  }
  const path = placeAt(root, m.where);
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Container)[k], root) as Container | undefined;
  const key = path[path.length - 1];
  const here = key === undefined ? root : (parent as Container)[key];
  const replace = (value: unknown): unknown => {
    if (key === undefined) return value;
    (parent as Container)[key] = value;
    return root;
  };
  switch (m.kind) {
    case 'set':
      return replace(newValue(path, m.boundary, m.value));
    case 'delete':
      if (key === undefined || parent === undefined) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return root;
    case 'add':
      if (Array.isArray(here)) here.push((VALUES[m.value % VALUES.length] as () => unknown)());
      else if (typeof here === 'object' && here !== null) {
        // An own, enumerable key, as JSON.parse makes one (assignment to `__proto__` would set the prototype).
        Object.defineProperty(here, KEYS[m.key] as string, { value: (VALUES[m.value % VALUES.length] as () => unknown)(), enumerable: true, configurable: true, writable: true });
      }
      return root;
    case 'container':
      return replace(recontain(here, m.as));
  }
}

/**
 * Every single-step variant of a case, systematically: each field set to each
 * of its edge values (`BOUNDARY`) and to `null`, each key deleted, each object
 * given an unknown key and a forbidden one. Lessons other than the first and
 * the last are left alone.
 *
 * @param value - a valid case
 * @returns the variants, each a fresh copy
 * @example edgeVariants({ student: { grade: 7 } }).length // 14: grade × 8, grade and student deleted, 2 keys added to each of 2 objects
 */
export function edgeVariants(value: unknown): unknown[] {
  const variants: unknown[] = [];
  const at = (path: Path, change: (parent: Container, key: string | number, here: unknown) => void): void => {
    const copy = structuredClone(value);
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Container)[k], copy) as Container;
    const key = path[path.length - 1] as string | number;
    change(parent, key, parent[key]);
    variants.push(copy);
  };
  for (const paths of placesOf(value).values()) {
    for (const path of paths) {
      if (path.length === 0) continue;
      for (const edge of [...(BOUNDARY[nameOf(path)] ?? []), null]) at(path, (parent, key) => void (parent[key] = structuredClone(edge)));
      at(path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      });
    }
  }
  for (const paths of placesOf(value).values()) {
    for (const path of paths) {
      for (const key of ['extra', '__proto__']) {
        const add = (here: unknown): void => {
          if (typeof here === 'object' && here !== null && !Array.isArray(here)) Object.defineProperty(here, key, { value: 1, enumerable: true, configurable: true, writable: true });
        };
        if (path.length === 0) {
          const copy = structuredClone(value);
          add(copy);
          variants.push(copy);
        } else at(path, (_parent, _key, here) => add(here));
      }
    }
  }
  return variants;
}

/**
 * A valid case with one or two mutations, applied to a deep copy, half the
 * time passed through JSON text (as input arrives: `undefined` keys gone,
 * `__proto__` an own key, class instances plain).
 *
 * @param cases - valid cases
 * @returns an arbitrary mutated case
 * @example fc.sample(mutatedCase(arbitraryCase()), 1) // e.g. [{ student: { …, grade: 601 }, … }]
 */
export function mutatedCase(cases: Arbitrary<unknown>): Arbitrary<unknown> {
  return fc.tuple(cases, fc.array(arbitraryMutation, { minLength: 1, maxLength: 2 }), fc.boolean()).map(([valid, mutations, viaJson]) => {
    let value = structuredClone(valid);
    for (const m of mutations) value = mutate(value, m);
    if (!viaJson) return value;
    const text = JSON.stringify(value);
    return text === undefined ? value : (JSON.parse(text) as unknown);
  });
}
