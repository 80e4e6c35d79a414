import { readFile } from 'node:fs/promises';

/**
 * A whole text file (a policy, a calendar, a side file, an SS 12000 page) as
 * UTF-8, without the BOM some Windows tools put first: `JSON.parse` would
 * refuse the file for it.
 *
 * @param path - the file
 * @returns its text
 * @example JSON.parse(await readText('policy.json'))
 */
export async function readText(path: string | URL): Promise<string> {
  const text = await readFile(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
