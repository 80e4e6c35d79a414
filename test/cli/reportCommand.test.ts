/**
 * Issue 16 point 1: `trappa report` on the built CLI (`npm run build` first; `npm test` builds).
 * Input: the hand-written fixture cases evaluated with --json, and the same decisions as a
 * decisions file with its trailer (written with the library's own writer).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsWriter } from '../../src/batch/decisionsFile.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';
import { evaluate, loadPolicy, parseStudentCase, resolveBuiltinPolicy } from '../../src/index.js';
import { builtinPolicySource } from '../../src/policy/builtinPolicies.js';
import { decisionJson } from '../../src/report/decisionOutput.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const AS_OF = '2026-11-23';

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, 'report', ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
}

const decisions = ['e1', 'e2', 'e3'].map((id, n) =>
  decide(
    studentCase({
      student: { id, school: { id: n === 2 ? 'skola:b' : 'skola-a' } },
      attendance: lessons(schoolDays('2026-08-17', AS_OF), { perDay: 4, absent: (date) => (date >= '2026-10-01' && n !== 1 ? { invalid: 60 } : undefined) }),
    }),
    'stockholm',
    AS_OF,
  ),
);
const lines = decisions.map((d) => `${JSON.stringify(d)}\n`).join('');

function decisionsFile(dir: string): string {
  let text = '';
  const w = decisionsWriter({ path: '', tempPath: '', write: (t) => (text += t), commit: () => undefined, discard: () => undefined });
  w.write(lines);
  w.finish({ asOf: AS_OF, policy: decisions[0]!.policy });
  const path = join(dir, 'night.ndjson');
  writeFileSync(path, text);
  return path;
}

describe('trappa report', () => {
  it('writes one HTML per school from a decisions file, a one-line summary, no names without labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-report-'));
    const r = run([decisionsFile(dir), '--out', join(dir, 'out')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [summary, ...written] = r.stdout.split('\n');
    expect(summary).toMatch(/^trappa report: 2 skolor, 3 elever, \d+ öppna åtgärder \(\d+ försenade\) → /);
    // Then the path of each file written, in school-id order, and nothing else.
    expect(written).toEqual([`Rapport: ${join(dir, 'out', 'skola-a.html')}`, `Rapport: ${join(dir, 'out', 'skola_b.html')}`, '']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['skola-a.html', 'skola_b.html']);
  });

  it('reads --json output from stdin; labels go into the HTML and nowhere else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-report-'));
    const labels = join(dir, 'labels.json');
    writeFileSync(labels, JSON.stringify({ e1: 'Åsa Testsson' }));
    const r = run(['-', '--out', join(dir, 'out'), '--labels', labels, '--lang', 'en'], lines);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('Testsson');
    expect(r.stdout).toMatch(/^trappa report: 2 schools, 3 students/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`Report: ${join(dir, 'out', 'skola_b.html')}`);
    const html = readFileSync(join(dir, 'out', 'skola-a.html'), 'utf8');
    expect(html).toContain('Åsa Testsson (e1)');
    expect(html).toContain('<html lang="en">');
  });

  it('refuses a cut decisions file and an invalid labels file without quoting it (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-report-'));
    const path = decisionsFile(dir);
    const text = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [text[0], ...text.slice(2)].join('\n'));
    const cut = run([path, '--out', join(dir, 'out')]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(new RegExp(`^trappa report: ${path}: ingen hel beslutsfil: avslutningsraden räknar \\d+ beslut och filen har \\d+: rader saknas eller har lagts till\\n$`));
    expect(run([path, '--out', join(dir, 'out'), '--lang', 'en']).stderr).toMatch(/not a whole decisions file: the trailer counts \d+ decisions and the file has \d+/);
    const labels = join(dir, 'labels.json');
    writeFileSync(labels, JSON.stringify({ e1: ['Hemlig Person'] }));
    const bad = run(['-', '--out', join(dir, 'out'), '--labels', labels], lines);
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toContain('Hemlig');
    expect(bad.stderr).toBe(`trappa report: --labels ${labels}: inte ett JSON-objekt från elev-id till visningsnamn (högst 200 tecken)\n`);
  });

  it('--help exits 0 with the command\'s own help; a missing --out is a usage error (2)', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^trappa report — en statisk HTML-rapport per skola/);
    expect(help.stdout).toContain('\n  trappa report <beslut.ndjson|-> --out <katalog> [flaggor]\n');
    expect(run(['--help', '--lang', 'en']).stdout).toContain('\n  trappa report <decisions.ndjson|-> --out <dir> [options]\n');
    expect(run(['x.ndjson']).status).toBe(2);
  });

  it('--policy <file>: the thresholds of a custom policy the decisions name; without it the report says it lacks the policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-report-'));
    // Stockholm's policy as a custom file: another id, the mentor rule's 5 % made 7 %.
    const source = JSON.parse(JSON.stringify(builtinPolicySource('stockholm')).replace('"operator":"rateAbove","value":5}', '"operator":"rateAbove","value":7}').replace('"id":"stockholm"', '"id":"min-stad"')) as unknown;
    const file = join(dir, 'min-stad.json');
    writeFileSync(file, JSON.stringify(source));
    const policy = loadPolicy(source, resolveBuiltinPolicy);
    // No absence: no step, so no evidence names a threshold; only the policy has them.
    const input = parseStudentCase(studentCase({ student: { id: 'e1' }, attendance: lessons(schoolDays('2026-08-17', AS_OF), { perDay: 4 }) }));
    if (!input.ok) throw new Error('fixture case rejected');
    const compact = `${decisionJson(evaluate(input.case, policy, { asOf: AS_OF }), 'compact')}\n`;
    const without = run(['-', '--out', join(dir, 'a'), '--all-students'], compact);
    expect(without.status).toBe(0);
    const a = readFileSync(join(dir, 'a', 'skola-1.html'), 'utf8');
    expect(a).toContain('Policyn min-stad');
    expect(a).not.toContain('class="threshold"');
    const given = run(['-', '--out', join(dir, 'b'), '--all-students', '--policy', file], compact);
    expect(given.stderr).toBe('');
    const b = readFileSync(join(dir, 'b', 'skola-1.html'), 'utf8');
    expect(b).not.toContain('Policyn min-stad');
    expect(b.match(/<line class="threshold"[^>]*><title>över (\d+) %/g)?.map((l) => /över (\d+)/.exec(l)?.[1])).toEqual(['7', '10', '20']);
  });
});
