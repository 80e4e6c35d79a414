/**
 * Issue 16, "Swedish throughout, English complete": every family of message the CLI prints
 * about bad input or a failed run, run in Swedish (the default) and with `--lang en`. Each
 * check asks for the Swedish words (and none of the English phrase), the English words, the
 * location (file, line, field), and that no input value that may be personal data is echoed:
 * a name written into a date or minutes field, a birth date, a personnummer as an id, a name
 * inside broken JSON. The expected words are the sentences of the templates, written out here
 * by hand, not read back from the code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCity } from '../../fixtures/city.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-messages-'));
const AS_OF = '2026-11-23';
const city = writeCity({ students: 4, seed: 11, termEnd: AS_OF, dir: join(dir, 'city'), schoolSize: 4 });
const [first, second] = readFileSync(city.students, 'utf8').trim().split('\n');
if (first === undefined || second === undefined) throw new Error('fixture');
const firstId = (JSON.parse(first) as { student: { id: string } }).student.id;

/** What a person could have typed into a field: never to be repeated by a message. */
const NAME = 'Anna Andersson';
const PNR = '19900101-1234';

function trappa(args: readonly string[], lang?: 'en') {
  const r = spawnSync(process.execPath, [CLI, ...args, ...(lang === undefined ? [] : ['--lang', lang])], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Both runs, with the checks every family shares: the same exit code, no personal value on stderr or stdout. */
function both(args: readonly string[]) {
  const sv = trappa(args);
  const en = trappa(args, 'en');
  expect(en.code).toBe(sv.code);
  for (const r of [sv, en]) for (const secret of [NAME, PNR, '2013-02-30']) expect(r.stderr + r.stdout, secret).not.toContain(secret);
  return { sv, en };
}

describe('rejected lesson lines (the batch): field errors of the schema and of the fast paths, in both languages', () => {
  const lessons = write(
    'lessons.ndjson',
    [
      `{"studentId":"${firstId}","date":"2026-02-30","start":"08:10","scheduledMinutes":60}`,
      `{"studentId":"${firstId}","date":"${NAME}","start":"08:10","scheduledMinutes":60}`,
      `{"studentId":"${firstId}","date":"2026-11-20","start":"08:10","scheduledMinutes":"${NAME}"}`,
      `{"studentId":"${firstId}","date":"2026-11-20","start":"09:10","scheduledMinutes":40,"invalidAbsenceMinutes":60}`,
      `{"studentId":"${PNR}","date":"2026-11-20","start":"08:10","scheduledMinutes":60}`,
      `{"studentId":"elev-okand","date":"2026-11-20","start":"08:10","scheduledMinutes":60}`,
      `{"studentId":"${firstId}","date":${NAME}}`,
      `{"studentId":"${firstId}","date":"2026-11-20","start":"10:10","scheduledMinutes":60,"kommentar":"${NAME}"}`,
    ].join('\n') + '\n',
  );
  const rejected = join(dir, 'rejected-lessons.ndjson');
  const args = ['evaluate', '--format', 'lessons', '--students', city.students, lessons, '--as-of', AS_OF, '--details', 'none', '--rejected', rejected];

  it('names the file, line and field; says what is wrong in Swedish by default, in English with --lang en', () => {
    const { sv, en } = both(args);
    expect(sv.code).toBe(3);
    const at = (n: number) => `${lessons}:${n}: `;
    expect(sv.stderr).toContain(`${at(1)}date: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD (fick "2026-02-30")\n`);
    expect(en.stderr).toContain(`${at(1)}date: Expected a calendar date written YYYY-MM-DD (got "2026-02-30")\n`);
    // A name in a date field: the field and the reason, not the value.
    expect(sv.stderr).toContain(`${at(2)}date: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD\n`);
    expect(sv.stderr).toContain(`${at(3)}scheduledMinutes: Fel typ: förväntade tal, fick sträng\n`);
    expect(en.stderr).toContain(`${at(3)}scheduledMinutes: Invalid input: expected number, received string\n`);
    expect(sv.stderr).toContain(`${at(4)}invalidAbsenceMinutes: Giltig + ogiltig frånvaro (60 min) överstiger lektionens 40 schemalagda minuter\n`);
    expect(en.stderr).toContain(`${at(4)}invalidAbsenceMinutes: Valid + invalid absence (60 min) exceeds the 40 scheduled minutes\n`);
    expect(sv.stderr).toContain(`${at(5)}studentId: Ser ut som ett personnummer; använd ett opakt id i stället\n`);
    expect(en.stderr).toContain(`${at(5)}studentId: Looks like a personnummer; use an opaque id instead\n`);
    expect(sv.stderr).toContain(`${at(6)}studentId: Kan inte utvärderas: ingen elev med detta id i elevfilen\n`);
    expect(en.stderr).toContain(`${at(6)}studentId: Cannot evaluate: no student with this id in the students file\n`);
    expect(sv.stderr).toMatch(new RegExp(`${at(7)}\\(line\\): ogiltig JSON: oväntat tecken vid tecken \\d+\\n`));
    expect(en.stderr).toMatch(new RegExp(`${at(7)}\\(line\\): invalid JSON: unexpected character at character \\d+\\n`));
    expect(sv.stderr).toContain(`${at(8)}(root): Okänd nyckel: kommentar\n`);
    expect(en.stderr).toContain(`${at(8)}(root): Unrecognized key: kommentar\n`);
    expect(sv.stderr).not.toMatch(/Expected|Invalid|Unrecognized|Cannot evaluate|invalid JSON/);
  });

  it('the --rejected file holds the messages in the run language, located, without the values', () => {
    trappa(args, 'en');
    const en = readFileSync(rejected, 'utf8');
    trappa(args);
    const sv = readFileSync(rejected, 'utf8');
    const line = (text: string, n: number) => JSON.parse(text.split('\n').find((l) => l.includes(`"${lessons}:${n}"`)) ?? '{}') as { issues: Array<{ path: string; message: string }> };
    expect(line(sv, 3).issues).toEqual([{ path: 'scheduledMinutes', message: 'Fel typ: förväntade tal, fick sträng' }]);
    expect(line(en, 3).issues).toEqual([{ path: 'scheduledMinutes', message: 'Invalid input: expected number, received string' }]);
    for (const text of [sv, en]) for (const secret of [NAME, PNR]) expect(text).not.toContain(secret);
  });
});

describe('rejected CSV lines and CSV headers', () => {
  it('a broken quote and a wrong number of fields, located; a header that is not one, without repeating it', () => {
    const csv = write(
      'lessons.csv',
      ['studentId,date,start,scheduledMinutes', `${firstId},2026-11-20,08:10,"60`, `${firstId},2026-11-20,08:10`].join('\n') + '\n',
    );
    const { sv, en } = both(['evaluate', '--format', 'lessons', '--students', city.students, csv, '--as-of', AS_OF, '--details', 'none']);
    expect(sv.stderr).toContain(`${csv}:2: (line): ogiltig CSV: det citerade fältet 4 avslutas inte på sin rad`);
    expect(en.stderr).toContain(`${csv}:2: (line): invalid CSV: the quoted field 4 is not closed on its line`);
    expect(sv.stderr).toContain(`${csv}:3: (line): förväntade 4 fält som i rubrikraden, fick 3\n`);
    expect(en.stderr).toContain(`${csv}:3: (line): expected 4 fields as in the header, got 3\n`);
    const noHeader = write('no-header.csv', `${NAME};2026-11-20;08:10;60\n`);
    const h = both(['evaluate', '--format', 'lessons', '--students', city.students, noHeader, '--as-of', AS_OF]);
    expect(h.sv.code).toBe(1);
    expect(h.sv.stderr).toContain(`${noHeader}:1: inte NDJSON, och inte en lektions-CSV: rubrikraden saknar de obligatoriska kolumnerna studentId, date, start, scheduledMinutes (ingen av dess 4 kolumner är en lektionskolumn: saknas rubrikraden?)`);
    expect(h.en.stderr).toContain(`${noHeader}:1: not NDJSON, and not a lesson CSV: header lacks the required columns studentId, date, start, scheduledMinutes (none of its 4 columns is a lesson column: is the header row missing?)`);
  });
});

describe('rejected cases (case files): the case, its records, its JSON', () => {
  it('a bad birth date, a bad lesson and a case that is not JSON: file, line, field, in both languages', () => {
    const c = JSON.parse(first) as { student: Record<string, unknown>; attendance?: unknown[] };
    const badBirth = { ...c, student: { ...c.student, birthDate: '2013-02-30' } };
    const badLesson = { ...JSON.parse(second), attendance: [{ date: '2026-11-20', start: NAME, scheduledMinutes: 60 }] };
    const cases = write('cases.ndjson', [JSON.stringify(badBirth), JSON.stringify(badLesson), `{"student":{"id":"x","namn":${NAME}`].join('\n') + '\n');
    const { sv, en } = both(['evaluate', cases, '--as-of', AS_OF, '--details', 'none']);
    expect(sv.code).toBe(3);
    expect(sv.stderr).toContain(`${cases}:1: student.birthDate: Förväntade ett kalenderdatum skrivet ÅÅÅÅ-MM-DD\n`);
    expect(en.stderr).toContain(`${cases}:1: student.birthDate: Expected a calendar date written YYYY-MM-DD\n`);
    expect(sv.stderr).toContain(`${cases}:2: attendance[0].start: Förväntade en tid skriven TT:MM (24 h)\n`);
    expect(en.stderr).toContain(`${cases}:2: attendance[0].start: Expected a time written HH:MM (24 h)\n`);
    expect(sv.stderr).toMatch(new RegExp(`${cases}:3: ogiltig JSON: oväntat tecken vid tecken \\d+\\n`));
    expect(en.stderr).toMatch(new RegExp(`${cases}:3: invalid JSON: unexpected character at character \\d+\\n`));
  });

  it('a pretty-printed case file cut short says so, by its line', () => {
    const cut = write('cut.json', `[\n  ${first.slice(0, 80)}\n`);
    const { sv, en } = both(['evaluate', cut, '--as-of', AS_OF, '--details', 'none']);
    expect(sv.stderr).toMatch(new RegExp(`${cut}:2: ogiltig JSON: .* \\(texten tar slut för tidigt\\)\\n`));
    expect(en.stderr).toMatch(new RegExp(`${cut}:2: invalid JSON: .* \\(the text ends too early\\)\\n`));
  });
});

describe('policy files: --policy, --calendar and trappa check', () => {
  it('a policy file that is not JSON: the line and column in words, never V8 quoting the file', () => {
    const broken = write('broken-policy.json', `{\n  "id": "min-policy",\n  "title": ${NAME}\n}\n`);
    const { sv, en } = both(['evaluate', city.students, '--as-of', AS_OF, '--policy', broken]);
    expect(sv.code).toBe(1);
    expect(sv.stderr).toBe(`trappa: Policyn "${broken}" är ogiltig: (root): ogiltig JSON på rad 3, kolumn 12: oväntat tecken\n`);
    expect(en.stderr).toBe(`trappa: Policy "${broken}" is invalid: (root): invalid JSON at line 3, column 12: unexpected character\n`);
    const check = both(['check', broken]);
    expect(check.sv.stdout).toContain(`${broken}: fel (root): ogiltig JSON på rad 3, kolumn 12: oväntat tecken [schema]`);
    expect(check.en.stdout).toContain(`${broken}: error (root): invalid JSON at line 3, column 12: unexpected character [schema]`);
    for (const r of [sv, en, check.sv, check.en]) expect(r.stderr + r.stdout).not.toMatch(/Unexpected token|in JSON at position|is not valid JSON/);
  });

  it('a policy that fails its schema: each field with its problem, on one line', () => {
    const invalid = write('invalid-policy.json', JSON.stringify({ id: 'min-policy', version: '1', rules: [] }));
    const { sv, en } = both(['evaluate', city.students, '--as-of', AS_OF, '--policy', invalid]);
    expect(sv.stderr).toBe('trappa: Policyn "min-policy" är ogiltig: version: Förväntade en version som 2026.1; title: Saknas: förväntade objekt\n');
    expect(en.stderr).toBe('trappa: Policy "min-policy" is invalid: version: Expected a version like 2026.1; title: Invalid input: expected object, received undefined\n');
    const extending = write('extends-policy.json', JSON.stringify({ ...JSON.parse(readFileSync('rules/stockholm.json', 'utf8')), id: 'min-policy', extends: 'oslo' }));
    const ext = both(['evaluate', city.students, '--as-of', AS_OF, '--policy', extending]);
    expect(ext.sv.stderr).toContain('extends: okänd baspolicy "oslo"');
    expect(ext.en.stderr).toContain('extends: unknown base policy "oslo"');
  });

  it('a calendar file that is not JSON, or not a calendar', () => {
    const notJson = write('calendar.json', `{"terms": ${NAME}}`);
    const a = both(['evaluate', city.students, '--as-of', AS_OF, '--calendar', notJson]);
    expect(a.sv.stderr).toContain(`${notJson}: ingen giltig skolkalender: ogiltig JSON: oväntat tecken vid tecken 11`);
    expect(a.en.stderr).toContain(`${notJson}: not a school calendar: invalid JSON: unexpected character at character 11`);
    const wrong = write('calendar-wrong.json', JSON.stringify({ terms: 3 }));
    const b = both(['evaluate', city.students, '--as-of', AS_OF, '--calendar', wrong]);
    expect(b.sv.stderr).toContain(`${wrong}: ingen giltig skolkalender: terms: Fel typ: förväntade lista, fick tal`);
    expect(b.en.stderr).toContain(`${wrong}: not a school calendar: terms: Invalid input: expected array, received number`);
  });
});

describe('the batch refuses a run: --previous, the lock, stale input, outputs, input files', () => {
  const base = ['evaluate', '--format', 'lessons', '--students', city.students, city.lessons, '--as-of', AS_OF, '--details', 'none'];

  it('--previous that is empty: what is wrong and what to do', () => {
    const empty = write('empty-previous.ndjson', '');
    const { sv, en } = both([...base, '--previous', empty]);
    expect(sv.code).toBe(65);
    expect(sv.stderr).toBe(
      `trappa: --previous ${empty}: filen är tom; kör gårdagens körning igen med --decisions-out för att skriva en verifierad fil, eller kör i kväll utan --previous för fullständiga utdata (alla beslut, inga ändringar)\n`,
    );
    expect(en.stderr).toBe(`trappa: --previous ${empty}: the file is empty; run last night again with --decisions-out to write a verified file, or run tonight without --previous for a full output (every decision, no changes)\n`);
  });

  it('an output locked by another run', () => {
    const out = join(dir, 'locked', 'night.ndjson');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(`${out}.lock`, `${JSON.stringify({ pid: 4711, host: 'batch-2', since: '2026-11-24T02:00:00.000Z' })}\n`);
    const { sv, en } = both([...base, '--decisions-out', out]);
    expect(sv.code).toBe(75);
    expect(sv.stderr).toBe(`trappa: --decisions-out ${out} används av en annan körning (pid 4711 på batch-2, sedan 2026-11-24T02:00:00.000Z); vänta tills den är klar, eller ta bort ${out}.lock om ingen körning pågår\n`);
    expect(en.stderr).toBe(`trappa: --decisions-out ${out} is in use by another run (pid 4711 on batch-2, since 2026-11-24T02:00:00.000Z); wait for it to finish, or remove ${out}.lock if no run is active\n`);
  });

  it('input older than --max-input-age, with the school days in their singular or plural', () => {
    const { sv, en } = both([...base.slice(0, -4), '--as-of', '2026-11-26', '--details', 'none', '--max-input-age', '1']);
    expect(sv.code).toBe(66);
    expect(sv.stderr).toBe('trappa: den senaste lektionen är från 2026-11-23, 3 skoldagar före utvärderingsdatumet; --max-input-age tillåter 1: ingenting skrevs. Kontrollera att kvällens export kördes.\n');
    expect(en.stderr).toBe("trappa: the newest lesson is from 2026-11-23, 3 school days before the evaluation date; --max-input-age allows 1: nothing was written. Check that tonight's export ran.\n");
    const one = both([...base.slice(0, -4), '--as-of', '2026-11-24', '--details', 'none', '--max-input-age', '0']);
    expect(one.sv.stderr).toContain('2026-11-23, 1 skoldag före utvärderingsdatumet');
    expect(one.en.stderr).toContain('2026-11-23, 1 school day before the evaluation date');
  });

  it('an output that cannot be written, and an input that is not text', () => {
    const { sv, en } = both([...base, '--rejected', dir]);
    expect(sv.code).toBe(73);
    expect(sv.stderr).toBe(`trappa: --rejected ${dir}: är en katalog; ange ett filnamn\n`);
    expect(en.stderr).toBe(`trappa: --rejected ${dir}: is a directory; give a file name\n`);
    const pdf = write('lessons.pdf', '%PDF-1.7\n');
    const p = both(['evaluate', '--format', 'lessons', '--students', city.students, pdf, '--as-of', AS_OF]);
    expect(p.sv.stderr).toBe(`trappa: ${pdf}: ingen textfil: det är ett PDF-dokument. Trappa läser UTF-8-text (NDJSON, CSV eller JSON), gärna gzip-komprimerad\n`);
    expect(p.en.stderr).toBe(`trappa: ${pdf}: not a text file: it is a PDF document. Trappa reads UTF-8 text (NDJSON, CSV or JSON), optionally gzip-compressed\n`);
  });
});

describe('SS 12000 exports: a page that is not a list, or not JSON', () => {
  it('names the file and says what is wrong, in both languages', () => {
    const exportDir = join(dir, 'ss12000');
    mkdirSync(exportDir);
    const persons = join(exportDir, 'persons.json');
    writeFileSync(persons, `{"data": ${NAME}}`);
    const organisations = join(exportDir, 'organisations.json');
    writeFileSync(organisations, JSON.stringify({ items: [] }));
    const { sv, en } = both(['evaluate', '--format', 'ss12000', exportDir, '--as-of', AS_OF]);
    expect(sv.stderr).toContain(`${persons}: ogiltig JSON: oväntat tecken vid tecken 10\n`);
    expect(en.stderr).toContain(`${persons}: invalid JSON: unexpected character at character 10\n`);
    expect(sv.stderr).toContain(`${organisations}: Förväntade en lista: { "data": [...] } eller en vanlig lista\n`);
    expect(en.stderr).toContain(`${organisations}: Expected a list: { "data": [...] } or a plain array\n`);
    expect(sv.stderr).toContain('ingen attendances-fil i indata\n');
  });
});

describe('trappa test and trappa explain: a table that is not YAML, an unknown student', () => {
  it('the YAML error by line and column, never the parser\'s English quoting the file', () => {
    const table = write('broken.yaml', `cases:\n  - name: {${NAME}\n`);
    const { sv, en } = both(['test', table]);
    expect(sv.stdout).toMatch(/tabellen kan inte läsas: ogiltig YAML på rad \d+, kolumn \d+ \([A-Z_]+\)/);
    expect(en.stdout).toMatch(/cannot read the table: invalid YAML at line \d+, column \d+ \([A-Z_]+\)/);
  });

  it('one student read is "1 läst"', () => {
    const one = write('one.ndjson', `${first}\n`);
    const { sv, en } = both(['explain', 'elev-finns-inte', one, '--as-of', AS_OF]);
    expect(sv.stderr).toBe(`trappa explain: ingen elev elev-finns-inte i ${one} (1 läst)\n`);
    expect(en.stderr).toBe(`trappa explain: no student elev-finns-inte in ${one} (1 read)\n`);
  });
});
