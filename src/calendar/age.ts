/**
 * Age in completed years on a date ("har fyllt N år"). A child born on 29
 * February turns a year older on 1 March in common years [DEFAULT: the later
 * date, so that protections for children last rather than end early].
 *
 * @param birthDate - ISO birth date
 * @param on - ISO date of the test
 * @returns completed years
 * @example ageInYears('2008-11-24', '2026-11-23') // 17
 */
export function ageInYears(birthDate: string, on: string): number {
  const by = Number(birthDate.slice(0, 4));
  let bm = Number(birthDate.slice(5, 7));
  let bd = Number(birthDate.slice(8, 10));
  const y = Number(on.slice(0, 4));
  const m = Number(on.slice(5, 7));
  const d = Number(on.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (bm === 2 && bd === 29 && !leap) {
    bm = 3;
    bd = 1;
  }
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
