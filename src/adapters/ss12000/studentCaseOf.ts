import { both, type Template } from '../../model/template.js';
import type { z } from 'zod';
import { swedishIssueMessage } from '../../model/swedishIssue.js';
import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import { OpaqueIdSchema, StudentCaseSchema, type StudentCase, type StudentCaseInput } from '../../model/studentCase.js';
import { currentEnrolment } from './currentEnrolment.js';
import type { SecurityMarking, Ss12000Organisation, Ss12000Person } from './entities.js';
import { zodIssues } from './entityIssues.js';
import type { Ss12000Issue } from './issues.js';
import { normaliseMunicipalityCode } from './municipalityCode.js';
import type { ParsedList } from './parseEntityList.js';
import { schoolOf } from './schoolOf.js';
import { isProtected } from './securityMarkings.js';
import type { SideFileContext } from './sideFileContext.js';
import type { StudentContext } from './sideFile.js';

/** What a student's case is read from, besides the Person itself. */
export interface StudentSources {
  /** Only enrolments in force on it count (see `currentEnrolment`). */
  readonly asOf: string | undefined;
  readonly organisations: ParsedList<Ss12000Organisation>;
  readonly persons: ParsedList<Ss12000Person>;
  /** Security markings on references to each person (`referenceMarkings`). */
  readonly markings: ReadonlyMap<string, ReadonlySet<SecurityMarking>>;
  readonly side: SideFileContext;
}

type Student = StudentCaseInput['student'];

/** A schema's first issue, sv and en, or that the id is not usable. */
function firstIssue(issue: z.core.$ZodIssue | undefined): { readonly message: string; readonly text: Template } {
  return issue === undefined ? said(T.idUnusable) : { message: issue.message, text: { sv: swedishIssueMessage(issue), en: issue.message } };
}

/** School form, grade, school and enrolment start from the enrolment in force, or the issues that keep them from being read. */
function enrolmentOf(person: Ss12000Person, sources: StudentSources, issues: Ss12000Issue[]): Partial<Pick<Student, 'school' | 'schoolForm' | 'grade' | 'enrolledFrom'>> {
  const at = (field: string, text: Template): void => {
    issues.push({ entity: 'Person', id: person.id, field, message: text.en, text });
  };
  const choice = currentEnrolment(person.enrolments ?? [], sources.asOf);
  if (choice.kind === 'none') {
    at(choice.field, choice.text);
    return {};
  }
  const { enrolment, index, schoolForm } = choice;
  const grade = enrolment.schoolYear ?? (schoolForm === 'forskoleklass' ? 0 : undefined);
  if (grade === undefined) at(`enrolments[${index}].schoolYear`, T.gradeMissing);
  const unitId = enrolment.enroledAt.id;
  const unit = sources.organisations.byId.get(unitId);
  let school: Student['school'] | undefined;
  if (unit === undefined) {
    at(
      `enrolments[${index}].enroledAt.id`,
      both(sources.organisations.rejectedById.has(unitId) ? T.organisationRejected : T.organisationMissing, { id: unitId }),
    );
  } else {
    const resolved = schoolOf(unit, schoolForm, sources.organisations.byId, sources.side);
    issues.push(...resolved.issues);
    school = resolved.school;
  }
  // Enrolment.startDate: term coverage counts from it when it is later than the term's start (a late enrolment).
  return { schoolForm, enrolledFrom: enrolment.startDate, ...(grade === undefined ? {} : { grade }), ...(school === undefined ? {} : { school }) };
}

/** The home municipality from the Folkbokföring address (and the side file's district), or the issue that keeps it from being read. */
function residenceOf(person: Ss12000Person, context: StudentContext | undefined, issues: Ss12000Issue[]): Student['residence'] {
  const addresses = person.addresses ?? [];
  const index = addresses.findIndex((a) => (a.type ?? 'Folkbokföring') === 'Folkbokföring');
  const address = addresses[index];
  if (address === undefined) {
    issues.push({ entity: 'Person', id: person.id, field: 'addresses', ...said(T.noFolkbokforing) });
    return undefined;
  }
  const code = normaliseMunicipalityCode(address.municipalityCode);
  if (code === undefined) {
    issues.push({
      entity: 'Person',
      id: person.id,
      field: `addresses[${index}].municipalityCode`,
      ...said(address.municipalityCode === undefined ? T.missing : T.notMunicipalityCodeLan),
    });
    return undefined;
  }
  return { municipalityCode: code, ...(context?.residenceDistrict === undefined ? {} : { district: context.residenceDistrict }) };
}

/**
 * The `StudentCase` of one Person, without attendance: the student from the
 * Person and the enrolment in force (school form from `schoolType`, grade from
 * `schoolYear`, school unit from `enroledAt`), the home municipality from the
 * Folkbokföring address, protected identity from the security markings, and
 * what the side file adds (studiehjälp, district, consents, signals,
 * measures). Every problem is an issue naming the entity, id and field.
 *
 * @param person - a valid Person
 * @param sources - enrolment date, organisations, persons, markings and side file
 * @returns the validated case, or every issue found
 * @example studentCaseOf(person, sources).ok // true when the student can be evaluated
 */
export function studentCaseOf(person: Ss12000Person, sources: StudentSources): { ok: true; case: StudentCase } | { ok: false; issues: Ss12000Issue[] } {
  const issues: Ss12000Issue[] = [];
  const sideEntry = sources.side.student(person.id);
  if (!sideEntry.ok) issues.push(...sideEntry.issues);
  const context = sideEntry.ok ? sideEntry.context : undefined;

  const idCheck = OpaqueIdSchema.safeParse(person.id);
  if (!idCheck.success) issues.push({ entity: 'Person', id: person.id, field: 'id', ...firstIssue(idCheck.error.issues[0]) });
  if (person.birthDate === undefined) issues.push({ entity: 'Person', id: person.id, field: 'birthDate', ...said(T.birthDateMissing) });
  const { school, schoolForm, grade, enrolledFrom } = enrolmentOf(person, sources, issues);
  const protectedIdentity = isProtected(person, sources.markings, sources.persons.byId);
  const residence = protectedIdentity ? undefined : residenceOf(person, context, issues);

  if (issues.length > 0 || school === undefined || schoolForm === undefined || grade === undefined || person.birthDate === undefined) {
    return { ok: false, issues };
  }
  const input: StudentCaseInput = {
    student: {
      id: person.id,
      birthDate: person.birthDate,
      schoolForm,
      grade,
      school,
      ...(residence === undefined ? {} : { residence }),
      protectedIdentity,
      ...(enrolledFrom === undefined ? {} : { enrolledFrom }),
      ...(context?.studiehjalp === undefined ? {} : { studiehjalp: context.studiehjalp }),
    },
    attendance: [],
    ...(context === undefined ? {} : { consents: context.consents, signals: context.signals, measures: context.measures }),
  };
  const parsed = StudentCaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues('Person', person.id, parsed.error, 'StudentCase') };
  return { ok: true, case: parsed.data };
}
