/**
 * Split one CSV line into fields (RFC 4180 quoting: `"a,b"`, `""` for a quote).
 * A record must fit on one line: lesson exports have no multi-line fields, and
 * a line-oriented reader is what keeps one bad line from spoiling the next.
 *
 * @param line - one line without its line break
 * @returns the fields, or an error message for an unterminated quote
 * @example splitCsvLine('a,"b,c",d') // { fields: ['a', 'b,c', 'd'] }
 */
export function splitCsvLine(line: string): { readonly fields: string[] } | { readonly error: string } {
  if (!line.includes('"')) return { fields: line.split(',') };
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close === -1) return { error: `unterminated quoted field starting at character ${i}` };
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < line.length && line[i] !== ',') return { error: `unexpected character after a quoted field at character ${i + 1}` };
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return { fields };
    i += 1; // the comma
    if (i === line.length) {
      fields.push('');
      return { fields };
    }
  }
}
