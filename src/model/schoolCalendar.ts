import { z } from 'zod';
import { IsoDateSchema } from './isoDate.js';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';

const DateRangeSchema = z
  .strictObject({
    id: z.string().min(1).max(40),
    start: IsoDateSchema,
    end: IsoDateSchema,
  })
  .refine((r) => r.start <= r.end, { message: M.startAfterEnd.en, path: ['end'] })
  .meta({ title: 'Date range', description: 'A term or a break, first and last day included.' });

/** What JSON Schema cannot say of a calendar. */
export const START_NOT_AFTER_END_NOTE =
  'Not expressed by this schema (JSON Schema cannot compare two fields): every term and break must have start on or before end.';

/**
 * A school calendar: terms (terminer) and breaks (lov) within them. Public
 * holidays are never listed here; they are computed.
 */
export const SchoolCalendarSchema = z
  .strictObject({
    terms: z.array(DateRangeSchema).min(1),
    breaks: z.array(DateRangeSchema).default([]),
  })
  .meta({
    title: 'Trappa school calendar',
    description: [
      'A school calendar (--calendar): terms (terminer) and breaks (lov) within them. Public holidays are never listed; they are computed.',
      START_NOT_AFTER_END_NOTE,
    ].join(' '),
  });
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;
export type DateRange = z.infer<typeof DateRangeSchema>;
