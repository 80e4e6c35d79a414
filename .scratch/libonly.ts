import { comparedLibrary, libraryBench } from '../bench/library.js';
const compare = process.argv[2];
const r = await libraryBench({ seed: 7, rounds: 2, asOf: '2026-11-23', compare: compare === undefined ? undefined : comparedLibrary(compare) });
for (const [k, v] of r.rows) console.log(k.padEnd(58), v);
console.log(JSON.stringify(r.result));
