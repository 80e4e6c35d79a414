/**
 * `spoolDecisions`: the night's decisions `trappa report` reads once, as a
 * stream, and spools by school.
 *
 * Proven, each against an oracle of its own and not the spool's output:
 * - for any choice of decisions, school ids (some missing) and input form (a
 *   `--decisions-out` file with its trailer, plain NDJSON, gzip), the spool's
 *   schools, per-school decisions and count are what the lines written say:
 *   the ids sorted by `Array.prototype.sort` (code units), each school's lines
 *   parsed back in the order written (and `bySchool` of the library agrees);
 *   the report the CLI renders school by school is the library's
 *   `renderSchoolReports` of the same decisions, byte for byte;
 * - a spool larger than its 1 MiB write and read-back blocks, and a single
 *   line larger than a block, come back whole and in order;
 * - the faults, with the exact text built from the templates of
 *   `src/report/failureText.ts`: a cut `--decisions-out` file (`notWhole`
 *   with the verifier's count detail), a trailer that does not match its lines
 *   (reported before any line's fault), a trailer inside the file, a line that
 *   is not JSON, not a decision, or not UTF-8 (never quoting the line), the
 *   first fault of several; an empty file is an empty night;
 * - a student on two lines of a plain or gzip input (two outputs joined) is
 *   refused at the second line, naming the first, for any sequence of
 *   students (property, the first repeat found here by a loop of its own), and
 *   any sequence without a repeat is spooled whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { spoolDecisions, type DecisionsSpool } from '../../src/batch/decisionsSpool.js';
import { decisionsWriter } from '../../src/batch/decisionsFile.js';
import { BatchInputError } from '../../src/io/batchInputError.js';
import { say } from '../../src/model/template.js';
import { compactDecision, type DecisionRecord } from '../../src/report/compactDecision.js';
import { INPUT_FILE_TEXT, PREVIOUS_FILE_TEXT, REPORT_INPUT_TEXT as R } from '../../src/report/failureText.js';
import { bySchool, renderSchoolReports, schoolReport } from '../../src/report/schoolReport.js';
import type { Decision } from '../../src/model/decision.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const root = mkdtempSync(join(tmpdir(), 'trappa-spool-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A small pool of real decisions, made once (`decide` takes a while): ids ascending (a trailer
// file must list them so), absence from none to much, so some have steps and some have none.
const pool: Decision[] = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id, n) =>
  decide(
    studentCase({
      student: { id, school: { id: 'skola-1' } },
      attendance: lessons(schoolDays('2026-08-17', AS_OF), { perDay: 4, absent: (date, i) => (date >= '2026-09-15' && i < n % 4 ? (n % 2 === 0 ? { invalid: 60 } : { valid: 60 }) : undefined) }),
    }),
    'stockholm',
    AS_OF,
  ),
);

/** The school ids a decision may be given: code-unit order differs from the order drawn, `:` is allowed, `undefined` leaves the field out. */
const SCHOOLS = ['s-b', 's-a', 's:c', undefined] as const;

/** A copy of a decision with its school id set, or left out (a file written before decisions had one). */
function atSchool(d: Decision, schoolId: string | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...d };
  if (schoolId === undefined) delete copy['schoolId'];
  else copy['schoolId'] = schoolId;
  return copy;
}

/** The text of a `--decisions-out` file: the lines, then the trailer the library's writer writes. */
function withTrailer(lines: readonly string[], form: 'full' | 'compact' = 'full'): string {
  let text = '';
  const w = decisionsWriter({ path: '', tempPath: '', write: (t) => (text += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')), commit: () => undefined, discard: () => undefined });
  w.write(lines.map((l) => `${l}\n`).join(''));
  w.finish({ asOf: AS_OF, policy: pool[0]!.policy, form });
  return text;
}

let files = 0;
/** A new input file in the test's directory. */
function file(content: string | Uint8Array, ext = 'ndjson'): string {
  files += 1;
  const path = join(root, `night-${files}.${ext}`);
  writeFileSync(path, content);
  return path;
}

/** Spool an input into a temp directory of its own, hand the spool on, then close it and remove the directory. */
async function withSpool<T>(input: string, use: (spool: DecisionsSpool) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'trappa-spool-'));
  try {
    const spool = await spoolDecisions(input, dir);
    try {
      return use(spool);
    } finally {
      spool.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The error an input is refused with: a BatchInputError with its text in both languages. */
async function refusal(input: string): Promise<{ sv: string; en: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'trappa-spool-'));
  try {
    const error = await spoolDecisions(input, dir).then(
      (spool) => {
        spool.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BatchInputError);
    const text = (error as BatchInputError).text;
    expect(text).toBeDefined();
    // The English is the error's message too.
    expect((error as BatchInputError).message).toBe(text?.en);
    return { sv: text?.sv ?? '', en: text?.en ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The school a written line is under, read as plain JSON: its `schoolId`, or `''` without one. */
const schoolOfLine = (r: DecisionRecord): string => (r as { schoolId?: string }).schoolId ?? '';

/** Expected spool of written lines, computed here: distinct school ids in code-unit order, each school's lines parsed back in the order written. */
function expectedSpool(lines: readonly string[]): Map<string, DecisionRecord[]> {
  const records = lines.map((l) => JSON.parse(l) as DecisionRecord);
  const ids = [...new Set(records.map(schoolOfLine))].sort();
  return new Map(ids.map((id) => [id, records.filter((r) => schoolOfLine(r) === id)]));
}

describe('spoolDecisions: a night read once and kept by school (trappa report)', () => {
  it('the pool holds what the property needs: decisions with steps and without, ids ascending', () => {
    expect(pool.some((d) => d.steps.length > 0)).toBe(true);
    expect(pool.some((d) => d.steps.length === 0)).toBe(true);
    const ids = pool.map((d) => d.studentId);
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives the schools and each school\'s decisions the lines written say, in every input form; the CLI\'s school-by-school report is the library\'s (property)', async () => {
    const indices = pool.map((_, i) => i);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(indices),
        fc.array(fc.constantFrom(...SCHOOLS), { minLength: pool.length, maxLength: pool.length }),
        fc.constantFrom('trailer', 'plain', 'gzip'),
        fc.constantFrom('full', 'compact'),
        fc.constantFrom('sv', 'en'),
        async (picked, schoolOf, form, lineForm, lang) => {
          // A trailer file lists its students in ascending id order; the other forms in any order.
          const order = form === 'trailer' ? [...picked].sort((a, b) => a - b) : picked;
          const lines = order.map((i) => {
            const d = atSchool(pool[i]!, schoolOf[i]);
            return JSON.stringify(lineForm === 'compact' ? compactDecision(d as unknown as Decision) : d);
          });
          const plain = lines.map((l) => `${l}\n`).join('');
          const input = form === 'trailer' ? file(withTrailer(lines, lineForm)) : form === 'plain' ? file(plain) : file(gzipSync(plain), 'ndjson.gz');
          const expected = expectedSpool(lines);
          const records = lines.map((l) => JSON.parse(l) as DecisionRecord);
          const options = { lang, students: 'all' } as const;
          const library = new Map(renderSchoolReports(records, options).map((r) => [r.schoolId, r.html]));
          await withSpool(input, (spool) => {
            expect(spool.name).toBe(input);
            expect(spool.decisions).toBe(lines.length);
            expect(spool.schools).toEqual([...expected.keys()]);
            // The library's grouping agrees with the one computed here.
            expect(spool.schools).toEqual([...bySchool(records).keys()]);
            for (const id of spool.schools) {
              const theirs = spool.decisionsOf(id);
              expect(theirs).toEqual(expected.get(id));
              expect(theirs).toEqual(bySchool(records).get(id));
              // Read back again: the spool is not consumed by reading it.
              expect(spool.decisionsOf(id)).toEqual(theirs);
              expect(schoolReport(id, theirs, options).html).toBe(library.get(id));
            }
            // A school not in the night has no decisions.
            expect(spool.decisionsOf('s-none')).toEqual([]);
          });
        },
      ),
      {
        numRuns: 15,
        // Every form at least once, with all six decisions and every kind of school id, whatever the seed draws.
        examples: [
          [indices, ['s-b', 's-a', 's:c', undefined, 's-a', 's-b'], 'trailer', 'full', 'sv'],
          [[5, 0, 3, 1, 4, 2], ['s:c', undefined, 's-b', 's-a', 's-b', undefined], 'plain', 'compact', 'en'],
          [[2, 5, 1, 0, 4, 3], [undefined, 's-a', 's-a', 's:c', 's-b', 's-a'], 'gzip', 'full', 'sv'],
          [[0, 2, 4], ['s-a', 's-b', 's-b', 's-b', undefined, 's-a'], 'trailer', 'compact', 'en'],
        ],
      },
    );
  });

  it('gives back a spool larger than its 1 MiB blocks, and a line larger than a block, whole and in order', async () => {
    // Runs of one school (read back in one go) and schools interleaved (read back line by line).
    const lines: string[] = [];
    for (let k = 0; k < 200; k += 1) {
      const d = atSchool(pool[k % pool.length]!, k < 90 ? 's-a' : SCHOOLS[k % 3]);
      d['studentId'] = `e${String(k).padStart(3, '0')}`;
      // One line well over a block: a key the schema does not list (allowed, and kept in the spool's bytes).
      if (k === 120) d['padding'] = 'x'.repeat(1_500_000);
      lines.push(JSON.stringify(d));
    }
    const text = lines.map((l) => `${l}\n`).join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * (1 << 20));
    const expected = expectedSpool(lines);
    await withSpool(file(text), (spool) => {
      expect(spool.decisions).toBe(200);
      expect(spool.schools).toEqual(['s-a', 's-b', 's:c']);
      for (const id of spool.schools) {
        const theirs = spool.decisionsOf(id);
        expect(theirs.map((d) => d.studentId)).toEqual(expected.get(id)?.map((d) => d.studentId));
        expect(theirs).toEqual(expected.get(id));
      }
    });
  });

  it('reads an empty file as a night of no decisions and no schools', async () => {
    await withSpool(file(''), (spool) => {
      expect(spool.decisions).toBe(0);
      expect(spool.schools).toEqual([]);
    });
    await withSpool(file(gzipSync(''), 'ndjson.gz'), (spool) => {
      expect(spool.decisions).toBe(0);
      expect(spool.schools).toEqual([]);
    });
  });
});

describe('spoolDecisions: inputs that are not a night\'s decisions, named by file and line, never quoted', () => {
  const lines = pool.map((d) => JSON.stringify(d));

  it('refuses a --decisions-out file with a line removed as not whole, with the verifier\'s count', async () => {
    const all = withTrailer(lines).split('\n');
    // Line 3 gone: ids still ascend and the trailer is intact, so only the count tells.
    const path = file([...all.slice(0, 2), ...all.slice(3)].join('\n'));
    const text = await refusal(path);
    const detail = (lang: 'sv' | 'en') => say(PREVIOUS_FILE_TEXT.count, lang, { count: pool.length, lines: pool.length - 1 });
    expect(text.en.startsWith(`${path}: not a whole decisions file: `)).toBe(true);
    expect(text.en).toBe(say(R.notWhole, 'en', { input: path, detail: detail('en') }));
    expect(text.sv).toBe(say(R.notWhole, 'sv', { input: path, detail: detail('sv') }));
  });

  it('reports a trailer that does not match its lines before a line\'s fault; without the trailer, the line\'s fault at its number', async () => {
    const whole = withTrailer(lines);
    // The same file whole, through gzip (never verified from its end): accepted, the trailer checked and left out.
    const accepted = file(gzipSync(whole), 'ndjson.gz');
    await withSpool(accepted, (spool) => {
      expect(spool.decisions).toBe(pool.length);
      expect(spool.schools).toEqual(['skola-1']);
    });
    // Line 2 cut in half: no longer JSON, and no longer what the trailer hashed.
    const edited = whole.split('\n');
    edited[1] = edited[1]!.slice(0, 200);
    const mismatched = file(gzipSync(edited.join('\n')), 'ndjson.gz');
    const text = await refusal(mismatched);
    expect(text.en).toBe(say(R.trailerMismatch, 'en', { source: mismatched }));
    expect(text.sv).toBe(say(R.trailerMismatch, 'sv', { source: mismatched }));
    // A trailer whose count is right but whose hash is not (a line edited, still a decision) is refused too.
    const renamed = whole.split('\n');
    renamed[3] = renamed[3]!.replace('"studentId":"e4"', '"studentId":"e7"');
    expect(renamed[3]).toContain('"e7"');
    const rehashed = file(gzipSync(renamed.join('\n')), 'ndjson.gz');
    expect((await refusal(rehashed)).en).toBe(say(R.trailerMismatch, 'en', { source: rehashed }));
    // Without its trailer the file is plain NDJSON, and line 2 is what is wrong.
    const untrailed = edited.slice(0, pool.length).join('\n') + '\n';
    for (const path of [file(untrailed), file(gzipSync(untrailed), 'ndjson.gz')]) {
      const fault = await refusal(path);
      expect(fault.en).toBe(say(R.notJson, 'en', { source: path, n: 2 }));
      expect(fault.sv).toBe(say(R.notJson, 'sv', { source: path, n: 2 }));
    }
  });

  it('refuses a trailer before the last line (two files joined), naming its line', async () => {
    // Night A with its trailer (lines 1–3, trailer line 4), then night B's lines without one.
    const joined = withTrailer(lines.slice(0, 3)) + lines.slice(3).map((l) => `${l}\n`).join('');
    for (const path of [file(joined), file(gzipSync(joined), 'ndjson.gz')]) {
      const text = await refusal(path);
      expect(text.en).toBe(say(R.trailerInside, 'en', { source: path, n: 4 }));
      expect(text.sv).toBe(say(R.trailerInside, 'sv', { source: path, n: 4 }));
    }
    // Both nights with their trailers: the last trailer does not match what comes before it, which is said first.
    const twoNights = withTrailer(lines.slice(0, 3)) + withTrailer(lines.slice(3));
    const gz = file(gzipSync(twoNights), 'ndjson.gz');
    expect((await refusal(gz)).en).toBe(say(R.trailerMismatch, 'en', { source: gz }));
  });

  it('refuses a line that is not UTF-8 with its line and byte, quoting nothing of it', async () => {
    const secret = Buffer.concat([Buffer.from('{"studentId":"hemlig-elev-77'), Buffer.from([0xff]), Buffer.from('"}')]);
    const cases = [
      { bad: Buffer.from([0x7b, 0xff, 0x7d]), byte: 2 },
      { bad: secret, byte: Buffer.byteLength('{"studentId":"hemlig-elev-77') + 1 },
    ];
    for (const { bad, byte } of cases) {
      const path = file(Buffer.concat([Buffer.from(`${lines[0]}\n`), bad, Buffer.from(`\n${lines[1]}\n`)]));
      const text = await refusal(path);
      expect(text.en).toBe(say(INPUT_FILE_TEXT.notUtf8, 'en', { name: path, line: 2, byte }));
      expect(text.sv).toBe(say(INPUT_FILE_TEXT.notUtf8, 'sv', { name: path, line: 2, byte }));
      for (const t of [text.sv, text.en]) {
        expect(t).not.toContain('hemlig');
        expect(t).not.toContain('studentId');
      }
    }
  });

  it('refuses a line that is JSON but not a decision, with its line and the field at fault', async () => {
    const d = pool.find((p) => p.steps.length > 0)!;
    const broken = JSON.parse(JSON.stringify(d)) as { steps: Array<Record<string, unknown>> };
    broken.steps[0]!['status'] = 'maybe';
    const path = file([lines[0], JSON.stringify(broken), lines[2]].map((l) => `${l}\n`).join(''));
    const text = await refusal(path);
    expect(text.en.startsWith(`${path} line 2: not a decision: steps.0.status: `)).toBe(true);
    expect(text.sv.startsWith(`${path} rad 2: inte ett beslut: steps.0.status: `)).toBe(true);
    expect(text.en.length).toBeGreaterThan(`${path} line 2: not a decision: steps.0.status: `.length);
    // A JSON value that is no decision at all is refused at its line as well.
    const array = file(`${lines[0]}\n[1,2,3]\n`);
    expect((await refusal(array)).en.startsWith(`${array} line 2: not a decision: `)).toBe(true);
  });

  it('refuses a student on two lines of a plain or gzip input at the second, naming the first; accepts any sequence without a repeat (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 9 }), fc.boolean(), async (order, gz) => {
        const text = order.map((i) => `${JSON.stringify(pool[i])}\n`).join('');
        const path = gz ? file(gzipSync(text), 'ndjson.gz') : file(text);
        // The oracle: the first line whose student an earlier line had, and that earlier line.
        let repeat: { n: number; first: number } | undefined;
        for (let k = 0; k < order.length && repeat === undefined; k += 1) {
          const first = order.indexOf(order[k]!);
          if (first < k) repeat = { n: k + 1, first: first + 1 };
        }
        if (repeat === undefined) {
          await withSpool(path, (spool) => expect(spool.decisions).toBe(order.length));
          return;
        }
        const refused = await refusal(path);
        expect(refused.en).toBe(say(R.repeatedStudent, 'en', { source: path, ...repeat }));
        expect(refused.sv).toBe(say(R.repeatedStudent, 'sv', { source: path, ...repeat }));
        // The id is not named: the line numbers say where.
        for (const t of [refused.sv, refused.en]) expect(t).not.toMatch(/\be[1-6]\b/);
      }),
      { numRuns: 40, examples: [[[0, 1, 2, 1, 0], false], [[3, 4, 5], true], [[2, 2], true]] },
    );
    // Two nights joined by hand (`cat`): the second night's first student is the repeat.
    const night = lines.slice(0, 3).map((l) => `${l}\n`).join('');
    const joined = file(night + night);
    expect((await refusal(joined)).en).toBe(say(R.repeatedStudent, 'en', { source: joined, n: 4, first: 1 }));
  });

  it('reports the first of several faulty lines', async () => {
    const path = file([lines[0], '{"studentId":"e9"}', lines[2], '{not json', lines[4]].map((l) => `${l}\n`).join(''));
    const text = await refusal(path);
    expect(text.en.startsWith(`${path} line 2: not a decision: `)).toBe(true);
    const later = file([lines[0], lines[1], '{not json', '{"studentId":"e9"}'].map((l) => `${l}\n`).join(''));
    expect((await refusal(later)).en).toBe(say(R.notJson, 'en', { source: later, n: 3 }));
  });
});
