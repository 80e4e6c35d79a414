// Run a TypeScript entry (`npm run bench`, `npm run stress`) as one esbuild bundle under plain
// node, not through tsx: tsx compiles with `keepNames`, whose `__name` wrappers made the bench's
// in-process sections 1.5–1.9× slower (docs/performance.md). Packages stay external (the bundle
// loads them from node_modules); the sources are bundled in.
//
//   node scripts/runBundled.mjs bench/bench.ts --students 300
//
// The bundle goes to `.bench/<name>.mjs`; the arguments after the entry are the program's own.
// Exits with the program's exit code (1 when a signal stopped it).
import { spawnSync } from 'node:child_process';
import { basename, extname } from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node scripts/runBundled.mjs <entry.ts> [arguments…]\n');
  process.exit(2);
}
const outfile = `.bench/${basename(entry, extname(entry))}.mjs`;
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'warning' });
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
