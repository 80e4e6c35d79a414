import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { DECISIONS_FORMAT, PreviousFileError, verifyDecisionsFile } from '../../src/batch/decisionsFile.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import { compactDecision } from '../../src/report/compactDecision.js';
import type { Decision } from '../../src/model/decision.js';
import { readDecisionsFile, writeDecisionsFile } from '../helpers/decisionsFile.js';

const NIGHT = '2026-11-20';
const TONIGHT = '2026-11-23';
const policy = builtinPolicy('stockholm');
const night = { asOf: NIGHT, policy };
const dir = mkdtempSync(join(tmpdir(), 'trappa-decisions-file-'));

const lines = generateSchool({ students: 4, seed: 5, termEnd: NIGHT })
  .map((c) => {
    const parsed = parseStudentCase(c);
    if (!parsed.ok) throw new Error('fixture case rejected');
    return evaluate(parsed.case, policy, { asOf: NIGHT });
  })
  .sort((a, b) => (a.studentId < b.studentId ? -1 : 1))
  .map((d) => JSON.stringify(d));
const valid = join(dir, 'night.ndjson');
writeDecisionsFile(valid, lines, night);
const text = readFileSync(valid, 'utf8');

let n = 0;
function file(content: string): string {
  n += 1;
  const path = join(dir, `case-${n}.ndjson`);
  writeFileSync(path, content);
  return path;
}

async function problemOf(path: string, asOf = TONIGHT): Promise<string> {
  const error = await verifyDecisionsFile(path, asOf).then(
    () => 'accepted',
    (e: unknown) => e,
  );
  if (error === 'accepted') return error;
  expect(error).toBeInstanceOf(PreviousFileError);
  const message = (error as PreviousFileError).message;
  // One line, naming the file, saying what to do.
  expect(message).not.toContain('\n');
  expect(message.startsWith(`--previous ${path}: `)).toBe(true);
  return (error as PreviousFileError).problem;
}

describe('verifyDecisionsFile: --previous is verified whole', () => {
  it('accepts a file --decisions-out wrote, returning its trailer', async () => {
    await expect(verifyDecisionsFile(valid, TONIGHT)).resolves.toMatchObject({ trappa: 'decisions', format: 1, count: 4, asOf: NIGHT, policy: { hash: policy.hash } });
  });

  it('refuses every prefix of it that lacks part of the trailer: empty, cut mid-line, or cut at a line end (property)', async () => {
    // Only the final line break may be missing: then every byte that counts is there.
    expect(await problemOf(file(text.slice(0, -1)))).toBe('accepted');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 2 }), async (cut) => {
        expect(['empty', 'truncated', 'no-trailer']).toContain(await problemOf(file(text.slice(0, cut))));
      }),
      { numRuns: 40 },
    );
    expect(await problemOf(file(''))).toBe('empty');
    expect(await problemOf(file(`${lines.slice(0, 2).join('\n')}\n`))).toBe('no-trailer');
  });

  it('refuses a file with a line missing, a line added, an edited line, two files joined or a newer format', async () => {
    const [trailer] = text.split('\n').slice(-2);
    const dropped = file(`${lines.slice(1).join('\n')}\n${trailer}\n`);
    expect(await problemOf(dropped)).toBe('count');
    expect(await problemOf(file(`${lines.join('\n')}\n${lines[3]}\n${trailer}\n`))).toBe('mixed');
    expect(await problemOf(file(text.replace('"asOf":"2026-11-20","policy"', '"asOf":"2026-11-20" ,"policy"')))).toBe('hash');
    expect(await problemOf(file(text + text))).toBe('mixed');
    expect(await problemOf(file(text.replace('"format":1', '"format":99')))).toBe('newer-format');
    expect(await problemOf(file(text.replace('"format":1', `"format":${DECISIONS_FORMAT + 1}`)))).toBe('newer-format');
  });

  it('refuses a line that is not a decision, with its line number, even under a valid trailer', async () => {
    const noStep = join(dir, 'no-step.ndjson');
    writeDecisionsFile(noStep, [lines[0] ?? '', `{"studentId":"elev-x","steps":[{"x":1}]}`], night);
    await expect(verifyDecisionsFile(noStep, TONIGHT)).rejects.toThrow(`--previous ${noStep}: line 2: not a decision: `);
    expect(await problemOf(noStep)).toBe('not-a-decision');
  });

  it('stops reading when the run is stopped, with the signal\'s reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by SIGTERM'));
    await expect(verifyDecisionsFile(valid, TONIGHT, controller.signal)).rejects.toThrow('stopped by SIGTERM');
  });

  it('accepts a decision of an earlier night carried over for a student not evaluated that night (issue 12 D1), never a later one', async () => {
    const carried = join(dir, 'carried.ndjson');
    const older = (lines[1] ?? '').replace(`"asOf":"${night.asOf}"`, '"asOf":"2026-11-19"');
    expect(older).not.toBe(lines[1]);
    writeDecisionsFile(carried, [lines[0] ?? '', older, ...lines.slice(2)], night);
    await expect(verifyDecisionsFile(carried, TONIGHT)).resolves.toMatchObject({ asOf: night.asOf });
    const newer = join(dir, 'newer.ndjson');
    writeDecisionsFile(newer, [lines[0] ?? '', (lines[1] ?? '').replace(`"asOf":"${night.asOf}"`, '"asOf":"2026-11-21"'), ...lines.slice(2)], night);
    expect(await problemOf(newer)).toBe('mixed');
  });

  it('refuses a file of tonight or later', async () => {
    expect(await problemOf(valid, NIGHT)).toBe('not-earlier');
    expect(await problemOf(valid, '2026-11-19')).toBe('not-earlier');
  });
});

describe('verifyDecisionsFile: one read, on the bytes as written (issue 15)', () => {
  it('hands each decision line to onDecision once, in order, with its number, id, date, value and bytes', async () => {
    const seen: Array<{ n: number; studentId: string; asOf: string; value: unknown; bytes: string }> = [];
    await verifyDecisionsFile(valid, TONIGHT, undefined, (d) => seen.push({ n: d.n, studentId: d.studentId, asOf: d.asOf, value: d.value, bytes: d.bytes.toString('utf8') }));
    expect(seen).toEqual(lines.map((line, i) => ({ n: i + 1, studentId: (JSON.parse(line) as Decision).studentId, asOf: NIGHT, value: JSON.parse(line) as unknown, bytes: line })));
  });

  it('hashes each line without its CR: a file whose lines came back ending in CR LF is the same file', async () => {
    expect(text).toMatch(/[åäö]/);
    const crlf = file(text.replace(/\n/g, '\r\n'));
    expect(await problemOf(crlf)).toBe('accepted');
    const ids: string[] = [];
    await verifyDecisionsFile(crlf, TONIGHT, undefined, (d) => ids.push(d.bytes.toString('utf8')));
    expect(ids).toEqual(lines);
  });

  it('refuses a line that is not UTF-8 even under a trailer hashed over its bytes', async () => {
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const at = bytes.indexOf(Buffer.from('ä'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 0xff;
    const { createHash } = await import('node:crypto');
    const trailer = JSON.parse(text.trimEnd().split('\n').at(-1) ?? '') as Record<string, unknown>;
    const path = file('');
    writeFileSync(path, Buffer.concat([bytes, Buffer.from(`${JSON.stringify({ ...trailer, sha256: createHash('sha256').update(bytes).digest('hex') })}\n`)]));
    expect(await problemOf(path)).toBe('hash');
  });

  it('throws what onDecision throws, as it is, and reads no further', async () => {
    const mine = new Error('the caller\'s own');
    let calls = 0;
    const thrown = await verifyDecisionsFile(valid, TONIGHT, undefined, () => {
      calls += 1;
      if (calls === 2) throw mine;
    }).catch((e: unknown) => e);
    expect(thrown).toBe(mine);
    expect(calls).toBe(2);
  });
});

describe('verifyDecisionsFile: a compact file (issue 15)', () => {
  const decisions = lines.map((l) => JSON.parse(l) as Decision);
  const compactLines = decisions.map((d) => JSON.stringify(compactDecision(d)));
  const compactFile = join(dir, 'compact.ndjson');
  writeDecisionsFile(compactFile, compactLines, { ...night, form: 'compact' });

  it('accepts it, and its trailer (format 2, form compact) holds the policy block every full decision of the night carries', async () => {
    const trailer = await verifyDecisionsFile(compactFile, TONIGHT);
    expect(trailer).toMatchObject({ trappa: 'decisions', format: 2, form: 'compact', count: 4, asOf: NIGHT });
    for (const d of decisions) expect(trailer.policy).toEqual(d.policy);
    expect(readDecisionsFile(compactFile).trailer).toEqual(trailer);
  });

  it('refuses a line that is not a compact decision, with its line and field', async () => {
    const broken = join(dir, 'compact-broken.ndjson');
    const { steps: _steps, ...stepless } = JSON.parse(compactLines[1] ?? '{}') as Record<string, unknown>;
    writeDecisionsFile(broken, [compactLines[0] ?? '', JSON.stringify(stepless)], { ...night, form: 'compact' });
    await expect(verifyDecisionsFile(broken, TONIGHT)).rejects.toThrow(`--previous ${broken}: line 2: not a decision: steps: `);
  });

  it('accepts a full line in a compact file (a full decision is also a compact one), never a compact line of tonight in a full file', async () => {
    const mixed = join(dir, 'compact-with-full.ndjson');
    writeDecisionsFile(mixed, [compactLines[0] ?? '', lines[1] ?? '', ...compactLines.slice(2)], { ...night, form: 'compact' });
    expect(await problemOf(mixed)).toBe('accepted');
    const fullWithCompact = join(dir, 'full-with-compact.ndjson');
    writeDecisionsFile(fullWithCompact, [lines[0] ?? '', compactLines[1] ?? '', ...lines.slice(2)], night);
    await expect(verifyDecisionsFile(fullWithCompact, TONIGHT)).rejects.toThrow(/line 2: not a decision: (policy\.rulesInForce|notRecommended)/);
  });

  it('accepts, in a full file, a compact decision of an earlier night carried over for a student not evaluated that night', async () => {
    const carried = join(dir, 'full-with-carried-compact.ndjson');
    const older = (compactLines[1] ?? '').replace(`"asOf":"${NIGHT}"`, '"asOf":"2026-11-19"');
    expect(older).not.toBe(compactLines[1]);
    writeDecisionsFile(carried, [lines[0] ?? '', older, ...lines.slice(2)], night);
    expect(await problemOf(carried)).toBe('accepted');
  });

  it('refuses a format-2 trailer that does not name its form, and a compact trailer without the rules in force', async () => {
    const text = readFileSync(compactFile, 'utf8');
    expect(await problemOf(file(text.replace('"form":"compact",', '')))).toBe('truncated');
    expect(await problemOf(file(text.replace(/,"rulesInForce":\[[^\]]*\]/, '')))).toBe('truncated');
  });
});
