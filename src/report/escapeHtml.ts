const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML and SVG, in element content and in quoted
 * attribute values: `& < > " '` become entities. Every piece of text the
 * report writes (ids, labels, a policy's citations) goes through it.
 *
 * @param text - any text
 * @returns the escaped text
 * @example escapeHtml('<b title="x">Åsa & Per</b>') // '&lt;b title=&quot;x&quot;&gt;Åsa &amp; Per&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
