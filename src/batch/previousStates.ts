import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFully } from '../io/readFully.js';
import type { Decision } from '../model/decision.js';
import { forEachByteLine } from '../io/lines.js';
import { stepStates, type StepState } from '../run/changes.js';
import { BucketWriter, bucketPath } from './bucketWriter.js';
import { verifyDecisionsFile, type DecisionsTrailer, type VerifiedDecision } from './decisionsFile.js';

/**
 * Last night's decisions as the batch reads them (`--previous`), read once.
 *
 * The file is verified whole before any student is evaluated (`verifyDecisionsFile`; while the
 * inputs are read, see `keepPreviousStatesInBackground`), and while it is, each decision's step
 * states are taken from the line it has just parsed and kept in the temp
 * directory (`keepPreviousStates`): a short states line (the student id, `asOf`, the step states
 * as JSON, and where the decision's line is), and the line's bytes in a file of their own. The
 * partition copies the states lines to their students' buckets as bytes
 * (`distributePreviousStates`), and a bucket reads its step states without parsing a decision
 * again (`readPreviousStates`). A decision's line is read back only for a student missing
 * tonight, whose decision is carried (`previousLine`). Before, the file was read three times, and
 * decoded and parsed twice: a 20 000-student night spent 5 of its 9.6 s on it.
 *
 * A states line: the student id, `asOf`, the step states as JSON (all ASCII, no tab), the
 * line's byte offset and length in the lines file, separated by tabs.
 */

/** One previous decision as the diff and `evaluate` read it, and its line as written (carried forward when the student is not evaluated tonight). */
export interface PreviousDecision {
  readonly asOf: string;
  readonly steps: readonly StepState[];
  /** Where the decision's line is in the lines file (`previousLine` reads it). */
  readonly line: { readonly offset: number; readonly length: number };
}

/** The files `keepPreviousStates` writes in the temp directory: the states lines, and the decision lines. */
const STATES = 'previous-states';
const LINES = 'previous-lines';

/** The file of the decision lines, in the temp directory. */
function linesPath(dir: string): string {
  return bucketPath(dir, 0, LINES);
}

/**
 * The text of a previous decision's line, read from the lines file.
 *
 * @param dir - the temp directory
 * @param previous - a previous decision of `readPreviousStates(dir, …)`
 * @returns the line as written
 * @example previousLine(dir, readPreviousStates(dir, 0).get('elev-1')!) // '{"studentId":"elev-1",…}'
 */
export function previousLine(dir: string, previous: PreviousDecision): string {
  const { offset, length } = previous.line;
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(linesPath(dir), 'r');
  try {
    readFully(fd, bytes, 0, length, offset, linesPath(dir));
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}

/**
 * The start of the states line of one verified decision: all but where its
 * line is. The decision has passed the schema of its form, which checks its
 * steps exactly where `stepStates` reads them (`StepRecordSchema`), so the
 * states are read as the diff reads any decision.
 *
 * @param decision - a decision line as `verifyDecisionsFile` hands it on
 * @returns the student id, `asOf` and the step states as JSON, each followed by a tab
 * @example statesHead({ n: 7, studentId: 'e1', asOf: '2026-11-20', value: { studentId: 'e1', asOf: '2026-11-20', steps: [] }, bytes }) // 'e1\t2026-11-20\t[]\t'
 */
export function statesHead(decision: VerifiedDecision): string {
  return `${decision.studentId}\t${decision.asOf}\t${JSON.stringify(stepStates(decision.value as Pick<Decision, 'steps'>))}\t`;
}

/**
 * Verify last night's file (`verifyDecisionsFile`) and keep its decisions'
 * step states and lines in the temp directory, in one read of the file.
 *
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param dir - the run's temp directory
 * @param signal - stops the reading
 * @returns the trailer, and the states file for `distributePreviousStates`
 * @throws {PreviousFileError} when the file is not a whole decisions file of an earlier night
 * @example const { trailer, states } = await keepPreviousStates('night-1.ndjson', '2026-11-24', dir)
 */
export async function keepPreviousStates(path: string, asOf: string, dir: string, signal?: AbortSignal): Promise<{ readonly trailer: DecisionsTrailer; readonly states: string }> {
  const states = new BucketWriter(dir, STATES, 1);
  const lines = new BucketWriter(dir, LINES, 1);
  let offset = 0;
  const trailer = await verifyDecisionsFile(path, asOf, signal, (decision) => {
    const { bytes } = decision;
    states.add(0, `${statesHead(decision)}${offset}\t${bytes.length}`);
    lines.addJoined(0, '', bytes, 0, bytes.length);
    offset += bytes.length + 1;
  });
  states.flush();
  lines.flush();
  return { trailer, states: states.path(0) };
}

/**
 * `keepPreviousStates`, answering the states file (what the batch's thread sends back).
 *
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param dir - the run's temp directory
 * @param signal - stops the reading
 * @returns the states file
 * @example await keptStates('night-1.ndjson', '2026-11-24', dir) // '<dir>/0.previous-states'
 */
export async function keptStates(path: string, asOf: string, dir: string, signal?: AbortSignal): Promise<string> {
  return (await keepPreviousStates(path, asOf, dir, signal)).states;
}

const TAB = 9;

/**
 * Copy the states lines to their students' buckets (`<bucket>.previous`), as
 * bytes: nothing is decoded but the student id. The decision lines stay
 * where they are.
 *
 * @param states - the file `keepPreviousStates` wrote
 * @param dir - the temp directory
 * @param buckets - the bucket count
 * @param bucketOfId - the bucket of a student id (of the run or not)
 * @example await distributePreviousStates(states, dir, 8, bucketOfId)
 */
export async function distributePreviousStates(states: string, dir: string, buckets: number, bucketOfId: (id: string) => number): Promise<void> {
  const previous = new BucketWriter(dir, 'previous', buckets);
  await forEachByteLine(states, (bytes, from, to) => {
    const id = bytes.toString('latin1', from, bytes.indexOf(TAB, from));
    previous.addJoined(bucketOfId(id), '', bytes, from, to);
  });
  previous.flush();
}

/**
 * A bucket's previous decisions by student id, from its copy of the states
 * lines: the step states are parsed from their JSON; the decision lines are
 * left in their file (`previousLine`).
 *
 * @param dir - the temp directory
 * @param bucket - the bucket
 * @returns the previous decisions (none when the bucket has no file)
 * @example readPreviousStates(dir, 3).get('elev-1')?.steps
 */
export function readPreviousStates(dir: string, bucket: number): Map<string, PreviousDecision> {
  const previous = new Map<string, PreviousDecision>();
  let text: string;
  try {
    // ASCII (`statesHead`): read as latin1, no UTF-8 decoding.
    text = readFileSync(bucketPath(dir, bucket, 'previous'), 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return previous;
    throw error;
  }
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [id, asOf, steps, offset, length] = line.split('\t') as [string, string, string, string, string];
    previous.set(id, { asOf, steps: JSON.parse(steps) as StepState[], line: { offset: Number(offset), length: Number(length) } });
  }
  return previous;
}
