import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { builtinPolicySource, isBuiltinPolicyId, resolveBuiltinPolicy } from '../policy/builtinPolicies.js';
import { unknownPolicyMessage } from './options.js';
import { checkPolicy } from '../policy/checkPolicy.js';
import type { Finding, FindingCode } from '../policy/finding.js';
import { loadPolicy, type PolicyResolver } from '../policy/loadPolicy.js';
import type { Policy } from '../policy/policy.js';
import { readPolicyFile } from '../io/readPolicyFile.js';
import { UsageError } from './usageError.js';
import { checkOneStdin } from './oneStdin.js';

/** A finding of one file, as `--json` writes it (one per line). */
export interface FileFinding extends Finding {
  readonly file: string;
}

/**
 * Resolves `extends` to a bundled policy, else to another file given on the
 * command line (by its `id`), loaded on first use; undefined if that file is
 * itself invalid or part of a cycle.
 */
function resolverFor(files: ReadonlyMap<string, unknown>): PolicyResolver {
  const loaded = new Map<string, Policy | undefined>();
  const resolve: PolicyResolver = (id) => {
    const builtin = resolveBuiltinPolicy(id);
    if (builtin !== undefined) return builtin;
    if (loaded.has(id)) return loaded.get(id);
    loaded.set(id, undefined); // a cycle resolves to nothing and is reported as an unknown base
    const json = files.get(id);
    if (json === undefined) return undefined;
    try {
      const policy = loadPolicy(json, resolve);
      loaded.set(id, policy);
      return policy;
    } catch {
      return undefined;
    }
  };
  return resolve;
}

function formatFinding(f: FileFinding): string {
  const rule = f.ruleId === undefined ? '' : `, rule ${f.ruleId}`;
  return `${f.file}: ${f.severity} ${f.path}: ${f.message} [${f.code}${rule}]`;
}

/**
 * `trappa check <policy.json...> [--json]`: static checks of policy files.
 * Exit 0 when no file has an error (warnings allowed), 1 on errors, 2 on
 * usage errors.
 *
 * @param args - the arguments after `check`
 * @returns the exit code
 * @example await checkCommand(['my-policy.json', '--json'])
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError('check needs at least one policy file or bundled policy id');
  checkOneStdin(positionals.map((path, i) => ({ flag: `policy file ${i + 1}`, path })));
  const parsed: Array<{ file: string; json?: unknown; error?: string; code?: FindingCode }> = [];
  for (const file of positionals) {
    // A bundled id (`trappa check stockholm`) checks the bundled file, unless a file of that name is here.
    if (isBuiltinPolicyId(file) && !existsSync(file)) {
      parsed.push({ file: `rules/${file}.json`, json: builtinPolicySource(file) });
      continue;
    }
    let text: string;
    try {
      const read = await readPolicyFile(file);
      if (!read.ok) {
        parsed.push({ file, error: read.message, code: 'policy-too-large' });
        continue;
      }
      text = read.text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      parsed.push({ file, error: code === 'ENOENT' ? unknownPolicyMessage(file) : `cannot read the file: ${code ?? (error as Error).message}` });
      continue;
    }
    try {
      parsed.push({ file, json: JSON.parse(text) as unknown });
    } catch (error) {
      parsed.push({ file, error: `invalid JSON: ${(error as Error).message}` });
    }
  }
  const byId = new Map<string, unknown>();
  for (const p of parsed) {
    const id = typeof p.json === 'object' && p.json !== null ? (p.json as { id?: unknown }).id : undefined;
    if (typeof id === 'string') byId.set(id, p.json);
  }
  const resolve = resolverFor(byId);
  const findings: FileFinding[] = parsed.flatMap((p) =>
    p.error !== undefined
      ? [{ file: p.file, severity: 'error' as const, code: p.code ?? ('schema' as const), message: p.error, path: '(root)' }]
      : checkPolicy(p.json, { resolve }).map((f) => ({ file: p.file, ...f })),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (values.json) {
    for (const f of findings) process.stdout.write(`${JSON.stringify(f)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    const files = positionals.length === 1 ? '1 file' : `${positionals.length} files`;
    process.stdout.write(`${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`);
  }
  return errors > 0 ? 1 : 0;
}
