import { open } from 'node:fs/promises';
import { POLICY_BUDGET } from '../model/policyBudget.js';

/** A policy file's text, or why it was not read. */
export type PolicyFileText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Read a policy file, refusing one over `POLICY_BUDGET.maxBytes` before it is
 * read whole or parsed (a 2 GB file never reaches `JSON.parse`). Reads at
 * most one byte past the budget, so a file that grows while it is read is
 * refused too.
 *
 * @param path - the file
 * @returns the text, or the message for a file over the budget
 * @throws {Error} when the file cannot be opened or read (the caller reports the code)
 * @example await readPolicyFile('rules/stockholm.json') // { ok: true, text: '{\n  "$schema": …' }
 */
export async function readPolicyFile(path: string): Promise<PolicyFileText> {
  const handle = await open(path, 'r');
  try {
    const limit = POLICY_BUDGET.maxBytes;
    const { size } = await handle.stat();
    if (size > limit) return tooLarge(size);
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length <= limit) {
      const { bytesRead } = await handle.read(buffer, length, limit + 1 - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return tooLarge(length);
    // A UTF-8 BOM at the start (an editor's habit) is not part of the JSON.
    const bom = length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return { ok: true, text: buffer.toString('utf8', bom, length) };
  } finally {
    await handle.close();
  }
}

function tooLarge(bytes: number): PolicyFileText {
  return { ok: false, message: `The file is ${bytes > POLICY_BUDGET.maxBytes + 1 ? bytes : `more than ${POLICY_BUDGET.maxBytes}`} bytes; the policy budget allows ${POLICY_BUDGET.maxBytes} (not read)` };
}
