import fc, { type Arbitrary } from 'fast-check';
import { ageInYears } from '../../calendar/age.js';
import { dayNumber, isoDate } from '../../calendar/dayNumber.js';
import { schoolStructureOn } from '../../model/schoolStructure.js';
import { HuvudmanSchema, StudiehjalpSchema, type SchoolForm } from '../../model/vocabulary.js';
import { yearsBefore } from './dates.js';
import { DEFAULT_TEST_AS_OF, type StudentInput } from './inputs.js';

/**
 * Municipality codes the kit draws from: Stockholm (0180, drawn most often so
 * that city policy applies), Göteborg (1480), Upplands Väsby (0114), Solna
 * (0184) and Malmö (1280).
 *
 * @example TEST_MUNICIPALITY_CODES.includes('1480') // true
 */
export const TEST_MUNICIPALITY_CODES: readonly string[] = ['0180', '1480', '0114', '0184', '1280'];

const DISTRICTS = ['Skarpnäck', 'Rinkeby-Kista', 'Södermalm', 'Hisingen', 'Centrum'] as const;

/** Options for `arbitraryStudent`. */
export interface StudentOptions {
  /** The evaluation date ages are counted on (default `DEFAULT_TEST_AS_OF`). */
  readonly asOf?: string;
  /** Youngest age in completed years on `asOf` (default 6). */
  readonly minAge?: number;
  /** Oldest age in completed years on `asOf` (default 20). */
  readonly maxAge?: number;
  /** Force protected identity on or off (default: about one student in eight has it). */
  readonly protectedIdentity?: boolean;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * A school form and grade that fit the age on `asOf`, most of the time (`pick` 0–99 chooses among
 * the fitting forms). For education after 2028-06-30 the ten-year grundskola applies
 * (`SCHOOL_STRUCTURES`): no förskoleklass, and a child of six is in åk 1.
 */
function formAndGrade(age: number, pick: number, behind: number, asOf: string): { schoolForm: SchoolForm; grade: number } {
  const tenYear = schoolStructureOn(asOf).id === 'ten-year';
  const shift = tenYear ? 1 : 0;
  if (age <= 6 && !tenYear) return { schoolForm: 'forskoleklass', grade: 0 };
  if (age <= 15 || (age === 16 && pick < 20)) {
    const grade = clamp(age - 6 + shift - behind, 1, 9 + shift);
    if (pick < 70) return { schoolForm: 'grundskola', grade };
    if (pick < 82) return { schoolForm: 'anpassad-grundskola', grade };
    if (pick < 92) return { schoolForm: 'specialskola', grade: clamp(age - 6 + shift - behind, 1, 10 + shift) };
    return grade <= 6 + shift ? { schoolForm: 'sameskola', grade } : { schoolForm: 'grundskola', grade };
  }
  if (pick < 85) return { schoolForm: 'gymnasieskola', grade: clamp(age - 15 - behind, 1, 3) };
  return { schoolForm: 'anpassad-gymnasieskola', grade: clamp(age - 15 - behind, 1, 4) };
}

/**
 * A valid student: opaque id `elev-<n>`, a birth date giving the requested
 * ages on `asOf` (birthdays on or the day after `asOf` are drawn on purpose,
 * to hit age limits such as 18), a school form and grade that fit the age, a
 * school (huvudman, municipality, optional district and team) and either a
 * residence or protected identity (sometimes with a residence as well).
 *
 * @param options - evaluation date, age range, protected identity
 * @returns an arbitrary student input
 * @example fc.sample(arbitraryStudent({ minAge: 18, maxAge: 19 }), 1)[0]?.schoolForm // e.g. 'gymnasieskola'
 */
export function arbitraryStudent(options: StudentOptions = {}): Arbitrary<StudentInput> {
  const asOf = options.asOf ?? DEFAULT_TEST_AS_OF;
  const minAge = options.minAge ?? 6;
  const maxAge = options.maxAge ?? 20;
  if (minAge > maxAge) throw new RangeError(`minAge ${minAge} is above maxAge ${maxAge}`);
  const earliest = dayNumber(yearsBefore(asOf, maxAge + 1)) + 1;
  const latest = dayNumber(yearsBefore(asOf, minAge));
  const birthDate = fc.oneof(
    // Unbiased: fast-check's integer bias would pile ages up at minAge and maxAge; the branch below covers limits.
    { weight: 4, arbitrary: fc.noBias(fc.integer({ min: earliest, max: latest })).map(isoDate) },
    {
      // Birthday today (just turned `age`) or tomorrow (turns `age + 1` tomorrow): both are `age` on asOf.
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: minAge, max: maxAge }), fc.boolean())
        .map(([age, today]) => (today ? yearsBefore(asOf, age) : isoDate(dayNumber(yearsBefore(asOf, age + 1)) + 1))),
    },
  );
  const municipality = fc.oneof({ weight: 3, arbitrary: fc.constant('0180') }, { weight: 2, arbitrary: fc.constantFrom(...TEST_MUNICIPALITY_CODES) });
  const school = fc.record(
    {
      id: fc.integer({ min: 1, max: 999 }).map((n) => `skola-${n}`),
      huvudman: fc.oneof({ weight: 3, arbitrary: fc.constant('kommunal' as const) }, { weight: 2, arbitrary: fc.constantFrom(...HuvudmanSchema.options) }),
      municipalityCode: municipality,
      district: fc.constantFrom(...DISTRICTS),
      teams: fc.boolean().map((has): Array<'skolsocialt-team'> => (has ? ['skolsocialt-team'] : [])),
    },
    { requiredKeys: ['id', 'huvudman', 'municipalityCode'] },
  );
  const residence = fc.record({
    sameMunicipality: fc.boolean(),
    municipalityCode: fc.constantFrom(...TEST_MUNICIPALITY_CODES),
    district: fc.option(fc.constantFrom(...DISTRICTS), { nil: undefined }),
  });
  const identity =
    options.protectedIdentity === undefined
      ? fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
      : fc.constant(options.protectedIdentity);
  return fc
    .record({
      id: fc.integer({ min: 1, max: 99_999 }).map((n) => `elev-${n}`),
      birthDate,
      pick: fc.integer({ min: 0, max: 99 }),
      behind: fc.constantFrom(0, 0, 0, 1),
      school,
      residence,
      protectedIdentity: identity,
      // With protected identity: keep the residence anyway (a caller may still send it) or leave it out.
      keepResidence: fc.boolean(),
      writeFlag: fc.boolean(),
      // Left out (the default, `unknown`) or given: only gymnasium students have it, but any form may say so.
      studiehjalp: fc.option(fc.constantFrom(...StudiehjalpSchema.options), { nil: undefined }),
    })
    .map((d) => {
      const student: StudentInput = {
        id: d.id,
        birthDate: d.birthDate,
        ...formAndGrade(ageInYears(d.birthDate, asOf), d.pick, d.behind, asOf),
        school: d.school,
      };
      if (!d.protectedIdentity || d.keepResidence) {
        const municipalityCode = d.residence.sameMunicipality ? d.school.municipalityCode : d.residence.municipalityCode;
        student.residence = d.residence.district === undefined ? { municipalityCode } : { municipalityCode, district: d.residence.district };
      }
      if (d.protectedIdentity || d.writeFlag) student.protectedIdentity = d.protectedIdentity;
      if (d.studiehjalp !== undefined) student.studiehjalp = d.studiehjalp;
      return student;
    });
}
