/**
 * Issue 16 point 1: the school report. Decisions come from the public pipeline on hand-made cases
 * (HT2026, asOf Mon 2026-11-23: 15 weeks from week 34), so the expected structure is read off the cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision, Step } from '../../src/model/decision.js';
import { absencePlotSvg } from '../../src/report/absencePlot.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { compareDuties, openDuties } from '../../src/report/openDuties.js';
import { renderSchoolReport, renderSchoolReports } from '../../src/report/schoolReport.js';
import { evidenceSentence } from '../../src/report/text.js';
import { rateThresholds } from '../../src/report/thresholds.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
const TERM = schoolDays('2026-08-17', AS_OF);

/** A student away (invalid) `share` of each lesson-day from `from`, 5 lessons a day all term. */
function student(id: string, school: string, from: string | null): Decision {
  const attendance = lessons(TERM, { perDay: 5, absent: (date) => (from !== null && date >= from ? { invalid: 60 } : undefined) });
  return decide(studentCase({ student: { id, school: { id: school } }, attendance }), 'stockholm', AS_OF);
}

const decisions = [student('e1', 'skola-a', '2026-10-01'), student('e2', 'skola-a', null), student('e3', 'skola-b', '2026-11-16'), student('e4', 'skola-a', '2026-11-20')];

describe('escapeHtml', () => {
  it('no < > & " \' survives unescaped (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        // Reversible: nothing is lost.
        expect(out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(s);
      }),
    );
  });
});

describe('renderSchoolReports (issue 16 point 1)', () => {
  const reports = renderSchoolReports(decisions);
  const a = reports.find((r) => r.schoolId === 'skola-a');

  it('one document per school, in id order, Swedish, with no external reference', () => {
    expect(reports.map((r) => [r.schoolId, r.students])).toEqual([['skola-a', 3], ['skola-b', 1]]);
    for (const r of reports) {
      expect(r.html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
      expect(r.html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(r.html).not.toMatch(/<script|<img|<link/);
      expect(r.html).toContain("default-src 'none'");
      expect(r.html).toContain('@media print');
    }
  });

  it('every svg has role="img", an aria-label, a <title> and a <desc>; every th has a scope', () => {
    const html = a?.html ?? '';
    const svgs = html.match(/<svg[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(3);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(html.match(/<svg[^>]*><title>[^<]+<\/title><desc>[^<]+<\/desc>/g)?.length).toBe(svgs.length);
    for (const th of html.match(/<th[ >][^>]*/g) ?? []) expect(th).toMatch(/scope="(col|row)"/);
  });

  it('a student plot has one point per week and series (15 weeks: 34–48)', () => {
    const d = decisions[0]!;
    expect(d.series?.scheduled).toHaveLength(15);
    const svg = absencePlotSvg({ series: d.series!, thresholds: rateThresholds(d), markers: [], title: 'e1', lang: 'sv' });
    expect(svg.match(/class="pt pt-invalid/g)).toHaveLength(15);
    expect(svg.match(/class="pt pt-valid/g)).toHaveLength(15);
    expect(svg.match(/no-data/g)).toHaveLength(2); // höstlov (week 44), both series
    expect(svg).toContain('data-weeks="15"');
  });

  it('draws the Stockholm threshold (20 %) and a marker at each date a step arose', () => {
    const d = decisions[0]!;
    expect(rateThresholds(d).map((t) => t.percent)).toContain(20);
    const html = a?.html ?? '';
    const article = html.slice(html.indexOf('id="elev-e1"'), html.indexOf('</article>', html.indexOf('id="elev-e1"')));
    expect(article.match(/class="threshold"/g)?.length).toBeGreaterThanOrEqual(1);
    // One mark per date a step arose; its label numbers every step of that date (e.g. '2,3,4'), each step once.
    expect(article.match(/<g class="marker">/g)).toHaveLength(new Set(d.steps.map((s) => s.arisesOn)).size);
    const keys = [...article.matchAll(/class="marker-key" fill="#[0-9a-f]+">([\d,]+)<\/text>/g)].flatMap((m) => (m[1] ?? '').split(',').map(Number));
    expect(keys.sort((x, y) => x - y)).toEqual(d.steps.map((_, i) => i + 1));
  });

  it('duties: overdue first, then by due date, undated last', () => {
    const html = a?.html ?? '';
    const rows = [...html.matchAll(/<tr class="duty status-(\w+)" data-status="\w+" data-due="([\d-]*)">/g)].map((m) => [m[1], m[2]] as const);
    expect(rows.length).toBe(openDuties(decisions.filter((d) => d.schoolId === 'skola-a')).length);
    expect(rows.length).toBeGreaterThan(2);
    const rank = ([status, due]: readonly [string | undefined, string | undefined]) => `${status === 'overdue' ? 0 : due === '' ? 2 : 1}${due === '' ? '9999' : due}`;
    const keys = rows.map(rank);
    expect(keys).toEqual([...keys].sort());
  });

  it('compareDuties on hand-made steps', () => {
    const d = decisions[0]!;
    const mk = (id: Step['id'], status: Step['status'], dueDate: string | null) => ({ decision: d, step: { ...d.steps[0]!, id, status, dueDate } });
    const sorted = [mk('eht', 'recommended', null), mk('sip', 'recommended', '2026-12-01'), mk('eht', 'recommended', '2026-11-25'), mk('rektor-utredning', 'overdue', '2026-11-20')].sort(compareDuties);
    expect(sorted.map((x) => [x.step.status, x.step.dueDate])).toEqual([
      ['overdue', '2026-11-20'],
      ['recommended', '2026-11-25'],
      ['recommended', '2026-12-01'],
      ['recommended', null],
    ]);
  });

  it('shows names only from labels, escaped; without labels, ids only', () => {
    const secret = 'Åsa <Svensson> & "Per"';
    const withLabels = renderSchoolReport('skola-a', decisions.slice(0, 2), { labels: new Map([['e1', secret]]) });
    expect(withLabels).toContain(escapeHtml(secret));
    expect(withLabels).not.toContain(secret);
    const without = renderSchoolReport('skola-a', decisions.slice(0, 2));
    expect(without).not.toContain('Svensson');
    expect(without).not.toContain('Åsa');
  });

  it('escapes ids and labels (property: no tag from a label survives)', () => {
    fc.assert(
      fc.property(fc.string(), (label) => {
        const html = renderSchoolReport('skola-a', [decisions[0]!], { labels: new Map([['e1', `<x>${label}`]]) });
        expect(html).not.toContain('<x>');
      }),
      { numRuns: 30 },
    );
  });

  it('overview: histogram over every student, steps and typology counted', () => {
    const html = a?.html ?? '';
    const dist = /<table class="counts"><caption>Elever per frånvaro[^<]*<\/caption>.*?<\/table>/.exec(html)?.[0] ?? '';
    const total = [...dist.matchAll(/<td>(\d+)<\/td>/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(total).toBe(3);
    expect(html).toContain('Elever per åtgärd');
    expect(html).toContain('Skolans frånvaro vecka för vecka');
  });

  it('English when asked', () => {
    expect(renderSchoolReport('skola-a', decisions.slice(0, 1), { lang: 'en' })).toContain('<html lang="en">');
  });
});

describe('evidenceSentence', () => {
  it('a rate at the threshold says which side it is on, with a decimal comma', () => {
    const e = { fact: 'termAbsence', operator: 'rateAbove', value: 20, via: [] };
    expect(evidenceSentence({ ...e, actual: { part: 605, whole: 3025 }, result: false }, 'sv')).toBe('Frånvaro i terminen (giltig + ogiltig): 20,0 % (605/3025) – inte över 20 %.');
    expect(evidenceSentence({ ...e, actual: { part: 606, whole: 3025 }, result: true }, 'sv')).toBe('Frånvaro i terminen (giltig + ogiltig): 20,0 % (606/3025) – över 20 %.');
  });
  it('a yes/no fact as a sentence, not "= true: true"', () => {
    expect(evidenceSentence({ fact: 'schoolHasSkolsocialtTeam', operator: 'equal', value: true, actual: true, result: true, via: [] }, 'sv')).toBe('Skolan har skolsocialt team: ja.');
  });
});

describe('the duty table says where a step goes, a municipality by name (issue 16 point 2)', () => {
  it('an orosanmälan goes to socialtjänsten in the home municipality, named from SCB\'s table', () => {
    const d = decide(studentCase({ attendance: lessons(TERM, { perDay: 5 }), signals: [{ type: 'harm-suspected', date: '2026-11-20' }] }), 'stockholm', AS_OF);
    const routing = d.steps.find((s) => s.id === 'orosanmalan')?.routing;
    expect(routing).toMatchObject({ target: 'socialtjanst', municipalityCode: '0180' });
    expect(renderSchoolReport('skola-a', [d])).toContain('→ socialtjänsten Stockholm (0180)');
    expect(renderSchoolReport('skola-a', [d], { lang: 'en' })).toContain('→ social services Stockholm (0180)');
  });
});
