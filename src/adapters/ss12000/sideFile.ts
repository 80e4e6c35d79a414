import { z } from 'zod';
import { documentedJsonSchema, type JsonSchema } from '../../model/jsonSchema.js';
import { ConsentsSchema, MeasureSchema, SignalSchema, UNTIL_NOT_BEFORE_DATE_NOTE } from '../../model/studentCase.js';
import { HuvudmanSchema, SchoolTeamSchema, StudiehjalpSchema } from '../../model/vocabulary.js';

/**
 * Context for one school unit that SS 12000 does not carry: the district
 * (stadsdel) it belongs to, its teams, and — when the huvudman's organisation
 * number does not tell — whether it is kommunal, fristående or statlig.
 */
export const SchoolContextSchema = z
  .strictObject({
    huvudman: HuvudmanSchema.optional(),
    district: z.string().min(1).max(80).optional(),
    teams: z.array(SchoolTeamSchema).optional(),
  })
  .meta({
    title: 'School context',
    description: 'What SS 12000 does not carry of a school unit: its district (stadsdel), its teams, and its huvudman when the organisation number does not tell.',
  });
export type SchoolContext = z.infer<typeof SchoolContextSchema>;

/**
 * Context for one student that SS 12000 does not carry: consents, staff
 * signals, steps already taken, studiehjälp, and the district within the
 * home municipality. Same vocabularies as `StudentCase`.
 */
export const StudentContextSchema = z
  .strictObject({
    residenceDistrict: z.string().min(1).max(80).optional(),
    /** Studiehjälp from CSN (SS 12000 does not carry it); left out means `unknown`. */
    studiehjalp: StudiehjalpSchema.optional(),
    consents: ConsentsSchema,
    signals: z.array(SignalSchema).default([]),
    measures: z.array(MeasureSchema).default([]),
  })
  .meta({
    title: 'Student context',
    description: 'What SS 12000 does not carry of a student: consents, staff signals, steps already taken, studiehjälp, the district within the home municipality.',
  });
export type StudentContext = z.infer<typeof StudentContextSchema>;

/**
 * Trappa's side file for an SS 12000 export. `schools` is keyed by
 * `Organisation.schoolUnitCode` (or the Organisation id when the unit has no
 * code); `students` by `Person.id`. Strict: a misspelt key is an error.
 *
 * @example
 * Ss12000SideFileSchema.parse({
 *   schools: { '29384756': { district: 'Skarpnäck', teams: ['skolsocialt-team'] } },
 *   students: { '6d1e5a1c-…': { residenceDistrict: 'Farsta', signals: [{ type: 'harm-suspected', date: '2026-11-20' }] } },
 * });
 */
export const Ss12000SideFileSchema = z
  .strictObject({
    schools: z.record(z.string(), SchoolContextSchema).default({}).describe('Keyed by Organisation.schoolUnitCode, or the Organisation id when the unit has no code.'),
    students: z.record(z.string(), StudentContextSchema).default({}).describe('Keyed by Person.id.'),
  })
  .meta({
    title: 'Trappa SS 12000 side file',
    description: [
      'Trappa\'s side file for an SS 12000 export (--context): what the export does not carry. Strict: a misspelt key is an error.',
      UNTIL_NOT_BEFORE_DATE_NOTE,
    ].join(' '),
  });

/**
 * JSON Schema of the SS 12000 side file (`trappa schema ss12000-side-file`).
 *
 * @returns the JSON Schema object
 * @example ss12000SideFileJsonSchema().title // 'Trappa SS 12000 side file'
 */
export function ss12000SideFileJsonSchema(): JsonSchema {
  return documentedJsonSchema(Ss12000SideFileSchema, 'ss12000-side-file');
}
/** What a caller writes (defaults not yet applied). */
export type Ss12000SideFile = z.input<typeof Ss12000SideFileSchema>;

/** The side file's outline, so that one bad entry rejects only its own student or school. */
export const SideFileShellSchema = z.strictObject({
  schools: z.record(z.string(), z.unknown()).default({}),
  students: z.record(z.string(), z.unknown()).default({}),
});
