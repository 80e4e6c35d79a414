/**
 * Issue 16 point 2, "Swedish throughout, English complete", through the built CLI: every
 * command run on the fixtures, once in Swedish (the default) and once with `--lang en`, and
 * everything it prints (stdout and stderr) searched for the other language's words. The runs
 * cover decisions, the run summary and footer, the batch's figures, change lines and the
 * changes block, coverage, SS 12000 notes, check findings, diff, example tables (a failing
 * one too), verify, explain, report, usage errors, a missing file and the help.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-language-'));
const city = writeCity({ students: 60, seed: 5, termEnd: '2026-11-23', dir, schoolSize: 30 });
const CASES = ['already-investigated.json', 'exactly-20-percent.json', 'gymnasium-18-no-consent.json', 'protected-identity.json'].map((f) => `fixtures/cases/${f}`);

const failing = join(dir, 'failing.yaml');
writeFileSync(
  failing,
  [
    'policy: stockholm',
    'asOf: 2026-11-23',
    'student: { birthDate: 2013-03-15, schoolForm: grundskola, grade: 7, school: { id: s1, huvudman: kommunal, municipalityCode: "0180" }, residence: { municipalityCode: "0180" } }',
    'cases:',
    '  - name: wrong on purpose',
    '    source: domain.md',
    '    signals: [{ type: harm-suspected, date: 2026-11-23 }]',
    '    expect: { steps: [kartlaggning], notSteps: [orosanmalan] }',
  ].join('\n'),
);

function trappa(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  return `${r.stdout}\n${r.stderr}`;
}

/** Everything the commands print in one language. */
function everything(lang: 'sv' | 'en'): string {
  const l = ['--lang', lang];
  const night1 = join(dir, `night-1-${lang}.ndjson`);
  const batch = ['evaluate', '--format', 'lessons', '--students', city.students, city.lessons];
  const runs: string[][] = [
    ['evaluate', ...CASES, '--as-of', '2026-11-23', '--details', 'all', ...l],
    [...batch, '--as-of', '2026-11-20', '--details', 'none', '--decisions-out', night1, ...l],
    [...batch, '--as-of', '2026-11-23', '--previous', night1, '--coverage', ...l],
    ['evaluate', '--format', 'ss12000', 'fixtures/ss12000/export', '--context', 'fixtures/ss12000/trappa-context.json', '--as-of', '2026-11-23', '--details', 'none', '--coverage', ...l],
    ['check', 'fixtures/policies/check-example.json', 'stockholm', ...l],
    ['diff', '--from', 'skollagen', '--to', 'stockholm', ...CASES, '--as-of', '2026-11-23', '--sample', '1', '--coverage', ...l],
    ['test', 'examples/tables/stockholm.yaml', failing, '--coverage', ...l],
    ['verify', ...CASES, '--as-of', '2026-11-23', ...l],
    ['explain', 'case-exactly-20-percent', ...CASES, '--as-of', '2026-11-23', ...l],
    ['explain', 'elev-finns-inte', ...CASES, '--as-of', '2026-11-23', ...l],
    ['report', night1, '--out', join(dir, `report-${lang}`), ...l],
    ['evaluate', ...l],
    ['evaluate', join(dir, 'no-such-file.ndjson'), ...l],
    ['evaluate', ...CASES, '--treshold', '80', ...l],
    ['diff', '--from', 'stockholm', ...l],
    ['--help', ...l],
  ];
  return runs.map(trappa).join('\n');
}

/** The text without what is the same in both languages: paths, kebab-case ids and flags, links. */
const words = (text: string): string =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
    .replace(/[\w>-]+(?:-[\w>]+)+/g, ' ');

const ENGLISH = [
  'read =',
  'students:',
  'steps (students)',
  'waiting for consent',
  'as of',
  'changes since',
  'warnings',
  'Usage',
  'evaluated',
  'rejected',
  'accepted',
  'duplicate',
  'lesson records',
  'typology, advisory',
  'worker',
  'bucket',
  'peak memory',
  'checked',
  'error',
  'warning',
  'passed',
  'failed',
  'missing step',
  'unexpected step',
  'overdue',
  'arose',
  'due',
  'new',
  'coverage',
  'rules fired',
  'not over',
  'cases read',
  'mismatches',
  'schools',
  'open duties',
  'unknown',
  'Run "trappa',
  'for usage',
  'needs',
  'no such file',
  'Unknown option',
  'Not recommended',
  'no student',
  'Report:',
];

const SWEDISH = [
  'lästa',
  'elever',
  'åtgärder (elever)',
  'väntar på samtycke',
  'förändringar',
  'varningar',
  'Användning',
  'utvärderade',
  'avvisade',
  'godtagna',
  'dubbletter',
  'lektionsposter',
  'rådgivande',
  'tråd',
  'minne',
  'kontrollerade',
  'fel',
  'varning',
  'godkända',
  'underkänt',
  'saknas',
  'oväntad',
  'försenad',
  'uppstod',
  'senast',
  'täckning',
  'inte över',
  'avvikelser',
  'skolor',
  'öppna åtgärder',
  'okänd',
  'Kör "trappa',
  'för hjälp',
  'behöver',
  'finns inte',
  'okänd flagga',
  'Inte rekommenderade',
  'ingen elev',
  'Rapport:',
];

/** The markers found as whole words (or phrases). */
function found(text: string, markers: readonly string[]): string[] {
  return markers.filter((m) => new RegExp(`(^|[^\\p{L}])${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
}

describe('every command, in one language at a time', () => {
  const sv = words(everything('sv'));
  const en = words(everything('en'));

  it('the runs print what they should (the check sees real output, and each list finds its own language)', () => {
    expect(sv.length).toBeGreaterThan(20_000);
    expect(SWEDISH.filter((m) => !found(sv, SWEDISH).includes(m))).toEqual([]);
    expect(ENGLISH.filter((m) => !found(en, ENGLISH).includes(m))).toEqual([]);
  });

  it('Swedish (the default): none of the English words', () => {
    expect(found(sv, ENGLISH)).toEqual([]);
  });

  it('English: none of the Swedish words', () => {
    expect(found(en, SWEDISH)).toEqual([]);
  });
});
