/**
 * Widths of characters in em, generous for DejaVu Sans (the widest of the
 * common sans-serif faces, what a bare Linux browser falls back to): a label
 * laid out with them fits in any narrower font as well.
 */
const NARROW = new Set([...'fijlrtI.,:;!|()[]\'" ']);
const WIDE = new Set([...'mwMWÅÄÖ%@']);

/**
 * An upper estimate of the width of a line of text: SVG has no text
 * measurement before layout, and the report has no script, so labels are
 * wrapped and placed with this.
 *
 * @param text - one line
 * @param fontSize - the font size in px
 * @param bold - bold text (about a tenth wider)
 * @returns the width in px, at least the text's width in DejaVu Sans
 * @example estimateTextWidth('Kartlägga', 11) // 57.6 (53.5 in DejaVu Sans)
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += NARROW.has(c) ? 0.42 : WIDE.has(c) ? 1 : c !== c.toLowerCase() ? 0.78 : 0.64;
  return Math.round(em * fontSize * (bold ? 1.1 : 1) * 10) / 10;
}

/**
 * Text broken into lines at spaces so that each line's estimated width
 * (`estimateTextWidth`) is at most `maxWidth`; a single word wider than that
 * stays whole on its own line.
 *
 * @param text - the text
 * @param maxWidth - the widest line, px
 * @param fontSize - the font size in px
 * @returns the lines, at least one
 * @example wrapText('Rektor ser till att frånvaron skyndsamt utreds', 150, 11) // ['Rektor ser till att', 'frånvaron skyndsamt', 'utreds']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && estimateTextWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}
