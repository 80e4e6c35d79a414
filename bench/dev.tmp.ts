import { catAnchor, plainNodeAnchor, duckdbAnchor, rateDifferences, flaggedStudents } from './anchors.js';
import { trappaTermRates, trappaRun } from './cityRuns.js';
const period = { termStart: '2026-08-17', asOf: '2026-11-23' };
const nd = '.bench/dev/lessons.ndjson', csv = '.bench/devcsv/lessons.csv';
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const t = await trappaTermRates({ cli, students: '.bench/dev/students.ndjson', lessons: nd, asOf: period.asOf, records: 194040 }, 2);
const tc = await trappaTermRates({ cli, students: '.bench/dev/students.ndjson', lessons: csv, asOf: period.asOf, records: 194040 }, 2);
console.log('trappa', t.size, flaggedStudents(t).length, rateDifferences(t, tc).length);
for (const [name, r] of [['node nd', await plainNodeAnchor(nd, 'ndjson', period)], ['node csv', await plainNodeAnchor(csv, 'csv', period)], ['duck nd', await duckdbAnchor(nd, 'ndjson', period, 1)], ['duck csv', await duckdbAnchor(csv, 'csv', period, 2)]] as const) {
  const d = rateDifferences(t, r.rates!);
  console.log(name, r.seconds.toFixed(3), r.rates!.size, flaggedStudents(r.rates!).length, d.length, JSON.stringify(d.slice(0, 3)));
}
console.log(catAnchor(nd), trappaRun({ cli, students: '.bench/dev/students.ndjson', lessons: csv, asOf: period.asOf, records: 194040 }, 'details-none', 1, '.bench/dev/s.json'));
