import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/readInput.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-read-input-'));
let files = 0;

function file(content: string | Uint8Array, name = 'cases.json'): string {
  files += 1;
  const path = join(dir, `${files}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function items(path: string, chunkBytes?: number): Promise<Array<{ location: string; value?: unknown; error?: string }>> {
  const out: Array<{ location: string; value?: unknown; error?: string }> = [];
  for await (const item of readInput(path, chunkBytes)) out.push('error' in item ? { location: item.location, error: item.error } : { location: item.location, value: item.value });
  return out;
}

/** JSON objects as cases come (no `__proto__` key: JSON.parse and toEqual see it differently). */
const object = fc.dictionary(
  fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  { minKeys: 1, maxKeys: 4 },
);

/** How an export writes the same objects, and where it says each one is (as `readInput` should locate it). */
type Layout = 'ndjson' | 'pretty-array' | 'compact-array';

function write(values: readonly object[], layout: Layout, bom: boolean, crlf: boolean): { text: string; locations: (path: string) => string[] } {
  const nl = crlf ? '\r\n' : '\n';
  const start = bom ? '\uFEFF' : '';
  if (layout === 'ndjson') {
    // One per line, with a blank line before every other one (exports end with or without a blank line).
    const lines: string[] = [];
    const at: number[] = [];
    values.forEach((v, i) => {
      if (i % 2 === 1) lines.push('');
      lines.push(JSON.stringify(v));
      at.push(lines.length);
    });
    return { text: start + lines.join(nl) + nl, locations: (p) => at.map((n) => `${p}:${n}`) };
  }
  if (layout === 'compact-array') return { text: start + JSON.stringify(values), locations: (p) => values.map((_, i) => `${p}:1 [${i}]`) };
  // JSON.stringify(array, null, 2): "[", then each element from the next line.
  const at: number[] = [];
  let line = 2;
  for (const v of values) {
    at.push(line);
    line += JSON.stringify(v, null, 2).split('\n').length;
  }
  return { text: start + JSON.stringify(values, null, 2).split('\n').join(nl), locations: (p) => values.map((_, i) => `${p}:${at[i]} [${i}]`) };
}

describe('readInput: NDJSON, a JSON array or one pretty-printed object, as exports write them', () => {
  it('gives the same values in order, each located by its line, for any layout, BOM, CRLF, gzip and read size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(object, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<Layout>('ndjson', 'pretty-array', 'compact-array'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (values, layout, bom, crlf, gzip, chunk) => {
          const { text, locations } = write(values, layout, bom, crlf);
          const path = file(gzip ? gzipSync(Buffer.from(text)) : text);
          const read = await items(path, chunk);
          // As JSON carries them (-0 is written 0).
          const written = JSON.parse(JSON.stringify(values)) as unknown[];
          expect(read).toEqual(written.map((value, i) => ({ location: locations(path)[i], value })));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads one pretty-printed object (the form an editor saves) as one case, not as one broken case per line', async () => {
    const value = { student: { id: 'elev-1', school: { id: 's', municipalityCode: '0180' } }, attendance: [{ date: '2026-11-23' }] };
    const path = file(`\uFEFF\r\n${JSON.stringify(value, null, 2).split('\n').join('\r\n')}\r\n`);
    expect(await items(path)).toEqual([{ location: `${path}:2`, value }]);
  });

  it('reports a broken pretty-printed object once, at the line and character where it goes wrong', async () => {
    const whole = JSON.stringify({ student: { id: 'elev-1', grade: 7 }, consents: {} }, null, 2).split('\n');
    // Line 4 is `    "grade": 7`; its comma on line 3 is removed: the parser stops at the quote on line 4.
    const lines = whole.map((l, i) => (i === 2 ? l.replace(/,$/, '') : l));
    const path = file(lines.join('\n'));
    expect(await items(path)).toEqual([{ location: `${path}:4`, error: "invalid JSON: Expected ',' or '}' after property value at character 5" }]);
    const cut = file(whole.slice(0, 4).join('\n'));
    expect(await items(cut)).toEqual([{ location: `${cut}:4`, error: expect.stringMatching(/^invalid JSON: .*\(the text ends too early\)$/) }]);
    const array = file(`[\n${lines.join('\n')}\n]`);
    expect(await items(array)).toEqual([{ location: `${array}:5`, error: expect.stringMatching(/^invalid JSON: /) }]);
  });

  it('keeps NDJSON line by line when only some lines are broken, the first ones included', async () => {
    const good = (n: number) => JSON.stringify({ student: { id: `elev-${n}` } });
    const oneBroken = file([good(1).slice(0, 10), good(2), good(3)].join('\n'));
    expect((await items(oneBroken)).map((i) => [i.location.slice(oneBroken.length), 'error' in i && i.error !== undefined])).toEqual([
      [':1', true],
      [':2', false],
      [':3', false],
    ]);
    // The first two lines broken: the whole is not JSON, and most lines are whole values, so it is NDJSON.
    const twoBroken = file([good(1).slice(0, 10), good(2).slice(0, 12), good(3), good(4), good(5)].join('\n'));
    expect((await items(twoBroken)).map((i) => i.error === undefined)).toEqual([false, false, true, true, true]);
  });

  it('rejects a line that is not UTF-8 alone in NDJSON, and names its line in a JSON document', async () => {
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe5, 0x22, 0x7d]); // {"a":"<Latin-1 å>"}
    const ndjson = file(Buffer.concat([Buffer.from('{"a":1}\n'), bad, Buffer.from('\n{"a":2}\n')]));
    expect(await items(ndjson)).toEqual([
      { location: `${ndjson}:1`, value: { a: 1 } },
      { location: `${ndjson}:2`, error: 'not valid UTF-8 (byte 7 of the line)' },
      { location: `${ndjson}:3`, value: { a: 2 } },
    ]);
    const array = file(Buffer.concat([Buffer.from('[\n{"a":1},\n'), bad, Buffer.from('\n]')]));
    expect(await items(array)).toEqual([{ location: `${array}:3`, error: 'not valid UTF-8 (byte 7 of the line)' }]);
  });

  it('reads nothing from an empty or blank file, and an empty array as no case', async () => {
    expect(await items(file(''))).toEqual([]);
    expect(await items(file('\uFEFF\r\n\r\n'))).toEqual([]);
    expect(await items(file('[ ]'))).toEqual([]);
  });
});
