/**
 * Decisions files for the `--previous` tests: written with the library's own
 * writer (so the trailer is what `--decisions-out` writes), and read back as
 * decision lines and trailer.
 */
import { readFileSync } from 'node:fs';
import { openAtomic } from '../../src/io/atomicFile.js';
import { decisionsWriter, type DecisionsNight, type DecisionsTrailer } from '../../src/batch/decisionsFile.js';

/**
 * Write lines (decisions, or anything a test wants verified as such) with a valid trailer.
 *
 * @example writeDecisionsFile(path, [JSON.stringify(decision)], { asOf: '2026-11-20', policy }) // trailer count 1
 */
export function writeDecisionsFile(path: string, lines: readonly string[], night: DecisionsNight): DecisionsTrailer {
  const file = openAtomic(path);
  const writer = decisionsWriter(file);
  writer.write(lines.map((l) => `${l}\n`).join(''));
  const trailer = writer.finish(night);
  file.commit();
  return trailer;
}

/** The decision lines and the trailer of a decisions file. */
export function readDecisionsFile(path: string): { readonly lines: string[]; readonly trailer: DecisionsTrailer } {
  const all = readFileSync(path, 'utf8').split('\n');
  if (all.pop() !== '') throw new Error(`${path} does not end with a line break`);
  const last = all.pop();
  if (last === undefined) throw new Error(`${path} is empty`);
  return { lines: all, trailer: JSON.parse(last) as DecisionsTrailer };
}
