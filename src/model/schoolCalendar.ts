import { z } from 'zod';
import { IsoDateSchema } from './isoDate.js';

const DateRangeSchema = z
  .strictObject({
    id: z.string().min(1).max(40),
    start: IsoDateSchema,
    end: IsoDateSchema,
  })
  .refine((r) => r.start <= r.end, { message: 'start must be on or before end', path: ['end'] });

/**
 * A school calendar: terms (terminer) and breaks (lov) within them. Public
 * holidays are never listed here; they are computed.
 */
export const SchoolCalendarSchema = z.strictObject({
  terms: z.array(DateRangeSchema).min(1),
  breaks: z.array(DateRangeSchema).default([]),
});
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;
export type DateRange = z.infer<typeof DateRangeSchema>;
