import type { InputIssue } from '../adapters/parseStudentCase.js';
import { BucketWriter } from './bucketWriter.js';
import { escapeControl } from '../adapters/safeText.js';

/**
 * One input line that was not accepted, with where it is and why: each issue
 * with its texts in both languages (`issues[].text`). The `--rejected` file
 * holds the same with each issue as `{ path, message }`, the message in the
 * run's language (`rejectedLineJson`).
 */
export interface RejectedLine {
  /** `file:line` (or `file[index]` in a JSON array). */
  readonly location: string;
  readonly kind: 'student' | 'record';
  readonly studentId: string | null;
  readonly issues: readonly InputIssue[];
}

/**
 * A rejected line as the `--rejected` file holds it: each issue's path and
 * its message in the run's language (the texts of both languages stay in the
 * temp files only).
 *
 * @param line - the line, as logged
 * @param lang - the run's language
 * @returns the JSON line, without a line break
 * @example rejectedLineJson({ location: 'l.ndjson:3', kind: 'record', studentId: 'e1', issues: [{ path: 'date', message: 'Expected …', text: { sv: 'Förväntade …', en: 'Expected …' } }] }, 'sv')
 * // '{"location":"l.ndjson:3","kind":"record","studentId":"e1","issues":[{"path":"date","message":"Förväntade …"}]}'
 */
export function rejectedLineJson(line: RejectedLine, lang: 'sv' | 'en'): string {
  return JSON.stringify({ ...line, issues: line.issues.map((i) => ({ path: i.path, message: i.text[lang] })) });
}

/** How many lines to keep in memory for the messages on stderr. */
export const REJECTED_SAMPLE_SIZE = 20;

/**
 * Rejected lines of one pass (the partition, or one bucket), streamed to
 * `<dir>/0.rejected-<name>` as NDJSON; only counts and the first few lines
 * stay in memory, however many lines are bad.
 */
export class RejectionLog {
  private readonly writer: BucketWriter;
  private students = 0;
  private records = 0;
  private readonly sample: RejectedLine[] = [];

  /**
   * @param dir - the temp directory
   * @param name - the pass, e.g. `partition` or the bucket number
   */
  constructor(dir: string, name: string) {
    this.writer = new BucketWriter(dir, `rejected-${name}`, 1);
  }

  /** Record one rejected line (its texts with control characters escaped: they reach terminals and log viewers). */
  push(rejected: RejectedLine): void {
    const line: RejectedLine = {
      ...rejected,
      location: escapeControl(rejected.location),
      issues: rejected.issues.map((i) => ({ path: escapeControl(i.path), message: escapeControl(i.message), text: { sv: escapeControl(i.text.sv), en: escapeControl(i.text.en) } })),
    };
    if (line.kind === 'student') this.students += 1;
    else this.records += 1;
    if (this.sample.length < REJECTED_SAMPLE_SIZE) this.sample.push(line);
    this.writer.add(0, JSON.stringify(line));
  }

  /** Write what is buffered. */
  flush(): void {
    this.writer.flush();
  }

  /** The file the lines go to. */
  path(): string {
    return this.writer.path(0);
  }

  /** Counts and the first lines. */
  counts(): { readonly students: number; readonly records: number; readonly sample: readonly RejectedLine[] } {
    return { students: this.students, records: this.records, sample: [...this.sample] };
  }
}
