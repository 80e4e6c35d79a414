import { both, type Template } from '../../model/template.js';
import { SS12000_ISSUE_TEXT as T } from './issueText.js';
import { OpaqueIdSchema, type StudentCaseInput } from '../../model/studentCase.js';
import type { Ss12000Organisation } from './entities.js';
import { findHuvudman, huvudmanFromOrganisationNumber } from './huvudman.js';
import type { Ss12000Issue } from './issues.js';
import { normaliseMunicipalityCode } from './municipalityCode.js';
import type { SideFileContext } from './sideFileContext.js';

type School = StudentCaseInput['student']['school'];

/**
 * The school of an enrolment: its id (school unit code, else the
 * Organisation id), municipality, huvudman (from the side file, else from the
 * huvudman's organisation number, else statlig for specialskola and
 * sameskola), and the side file's district and teams. The side-file entry is
 * looked up by school unit code, then by Organisation id.
 *
 * @param unit - the Organisation the student is enrolled at
 * @param schoolForm - the enrolment's school form
 * @param organisationsById - every valid Organisation (for the huvudman)
 * @param side - the side file
 * @returns the school, or the issues that keep it from being used (then `school` is undefined)
 * @example schoolOf(unit, 'grundskola', organisations.byId, side).school?.huvudman // e.g. 'kommunal'
 */
export function schoolOf(
  unit: Ss12000Organisation,
  schoolForm: StudentCaseInput['student']['schoolForm'],
  organisationsById: ReadonlyMap<string, Ss12000Organisation>,
  side: SideFileContext,
): { readonly school: School | undefined; readonly issues: readonly Ss12000Issue[] } {
  const issues: Ss12000Issue[] = [];
  const orgIssue = (id: string, field: string, text: Template): void => {
    issues.push({ entity: 'Organisation', id, field, message: text.en, text });
  };
  const key = unit.schoolUnitCode ?? unit.id;
  let entry = side.school(key);
  if (entry.ok && entry.context === undefined && key !== unit.id) entry = side.school(unit.id);
  if (!entry.ok) issues.push(...entry.issues);
  const ctx = entry.ok ? entry.context : undefined;

  if (!OpaqueIdSchema.safeParse(key).success) orgIssue(unit.id, unit.schoolUnitCode === undefined ? 'id' : 'schoolUnitCode', T.schoolIdUnusable);
  const municipalityCode = normaliseMunicipalityCode(unit.municipalityCode);
  if (municipalityCode === undefined) {
    orgIssue(unit.id, 'municipalityCode', unit.municipalityCode === undefined ? T.schoolMunicipalityMissing : T.notMunicipalityCode);
  }
  const huvudmanOrg = findHuvudman(unit, organisationsById);
  const huvudman =
    ctx?.huvudman ??
    (huvudmanOrg?.organisationNumber === undefined ? undefined : huvudmanFromOrganisationNumber(huvudmanOrg.organisationNumber)) ??
    (schoolForm === 'specialskola' || schoolForm === 'sameskola' ? 'statlig' : undefined);
  if (huvudman === undefined) {
    orgIssue(
      huvudmanOrg?.id ?? unit.id,
      huvudmanOrg === undefined ? 'parentOrganisation' : 'organisationNumber',
      both(T.huvudmanUnknown, { key: JSON.stringify(key) }),
    );
  }
  if (issues.length > 0 || municipalityCode === undefined || huvudman === undefined) return { school: undefined, issues };
  return {
    school: { id: key, huvudman, municipalityCode, ...(ctx?.district === undefined ? {} : { district: ctx.district }), teams: ctx?.teams ?? [] },
    issues,
  };
}
