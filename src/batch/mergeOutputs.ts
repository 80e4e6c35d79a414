import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * A line of a bucket's output file: the student id it belongs to, a tab, and
 * the payload: as is when it is one line not starting with a quote (NDJSON),
 * else as a JSON string (so multi-line text survives).
 *
 * @param studentId - the sort key (student ids are opaque ids, `[A-Za-z0-9_.:-]`, never a tab)
 * @param payload - the text to output (may contain line breaks)
 * @returns one line without line break
 * @example keyedLine('e1', '{"studentId":"e1"}') // 'e1\t{"studentId":"e1"}'
 */
export function keyedLine(studentId: string, payload: string): string {
  return payload.includes('\n') || payload.startsWith('"') ? `${studentId}\t${JSON.stringify(payload)}` : `${studentId}\t${payload}`;
}

/**
 * The payload of a keyed line.
 *
 * @param line - a line written by `keyedLine`
 * @returns the key and the payload
 * @example readKeyedLine('e1\t{"a":1}') // { key: 'e1', payload: '{"a":1}' }
 */
export function readKeyedLine(line: string): { readonly key: string; readonly payload: string } {
  const tab = line.indexOf('\t');
  const rest = line.slice(tab + 1);
  return { key: line.slice(0, tab), payload: rest.startsWith('"') ? (JSON.parse(rest) as string) : rest };
}

interface Head {
  readonly key: string;
  readonly payload: string;
  readonly source: number;
}

function before(a: Head, b: Head): boolean {
  return a.key < b.key || (a.key === b.key && a.source < b.source);
}

/** A min-heap of the current line of each bucket. */
class HeadHeap {
  private readonly items: Head[] = [];

  get size(): number {
    return this.items.length;
  }

  push(h: Head): void {
    const items = this.items;
    items.push(h);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Head, items[parent] as Head)) break;
      [items[i], items[parent]] = [items[parent] as Head, items[i] as Head];
      i = parent;
    }
  }

  pop(): Head | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l] as Head, items[m] as Head)) m = l;
        if (r < items.length && before(items[r] as Head, items[m] as Head)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as Head, items[i] as Head];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Merge bucket outputs (each sorted by student id, written with `keyedLine`)
 * into one stream sorted by student id: the output is the same for any number
 * of buckets and workers. Lines of one student keep their order. Memory: one
 * line per bucket.
 *
 * @param paths - the bucket files
 * @param write - receives each payload in order; may return a promise (back-pressure)
 * @returns the number of payloads
 * @example await mergeKeyedFiles(['/tmp/x/0.out', '/tmp/x/1.out'], (text) => process.stdout.write(`${text}\n`))
 */
export async function mergeKeyedFiles(paths: readonly string[], write: (payload: string) => void | Promise<void>): Promise<number> {
  const readers = paths.map((p) => createInterface({ input: createReadStream(p, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]());
  const heap = new HeadHeap();
  const pull = async (source: number): Promise<void> => {
    const next = await readers[source]?.next();
    if (next === undefined || next.done === true) return;
    const { key, payload } = readKeyedLine(next.value);
    heap.push({ key, payload, source });
  };
  await Promise.all(paths.map((_, i) => pull(i)));
  let count = 0;
  for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
    await write(head.payload);
    count += 1;
    await pull(head.source);
  }
  return count;
}
