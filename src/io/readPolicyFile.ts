import { openInput } from './openInput.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import { decodeText } from './readText.js';
import { POLICY_ISSUE_TEXT } from '../model/policyIssueText.js';
import { both, type Template } from '../model/template.js';

/** A policy file's text, or why it was not read. */
export type PolicyFileText =
  | { readonly ok: true; readonly text: string }
  /** `message`: in English; `texts`: sv and en. */
  | { readonly ok: false; readonly message: string; readonly texts: Template };

/**
 * Read a policy file (or stdin for `-`; a gzip file decompressed, a BOM
 * dropped, as `readText`), refusing one over `POLICY_BUDGET.maxBytes` before
 * it is read whole or parsed (a 2 GB file never reaches `JSON.parse`). A
 * regular file is refused by its size; otherwise (stdin, a gzip file,
 * whose decompressed size counts) reading stops one byte past the budget,
 * so a file that grows while it is read is refused too.
 *
 * @param path - the file, or `-`
 * @returns the text, or the message for a file over the budget
 * @throws {Error} when the file cannot be opened or read (the caller reports the code), or is binary or not UTF-8
 * @example await readPolicyFile('rules/stockholm.json') // { ok: true, text: '{\n  "$schema": …' }
 */
export async function readPolicyFile(path: string): Promise<PolicyFileText> {
  const limit = POLICY_BUDGET.maxBytes;
  const input = await openInput(path);
  try {
    if (!input.compressed && input.size !== undefined && input.size > limit) return tooLarge(input.size);
    const parts: Buffer[] = [];
    let length = 0;
    for await (const chunk of input.chunks) {
      parts.push(chunk);
      length += chunk.length;
      if (length > limit) return tooLarge(limit + 1);
    }
    return { ok: true, text: decodeText(Buffer.concat(parts, length), input.name) };
  } finally {
    await input.close();
  }
}

function tooLarge(bytes: number): PolicyFileText {
  const max = POLICY_BUDGET.maxBytes;
  const texts = bytes > max + 1 ? both(POLICY_ISSUE_TEXT.fileTooLarge, { size: bytes, max }) : both(POLICY_ISSUE_TEXT.fileOverSize, { size: max, max });
  return { ok: false, message: texts.en, texts };
}
