import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unwrapList } from '../adapters/ss12000/envelope.js';
import type { Ss12000Bundle } from '../adapters/ss12000/fromSs12000.js';
import { readText } from './readText.js';
import { jsonErrorReason } from '../adapters/jsonError.js';

/** The SS 12000 lists Trappa reads, by endpoint name; files are named after them. */
const ENDPOINTS = ['organisations', 'persons', 'calendarEvents', 'attendances', 'absences'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** A file that could not be read as an SS 12000 list. */
export interface FileProblem {
  readonly location: string;
  readonly message: string;
}

/** An export read from disk: the merged lists, and what was not used. */
export interface Ss12000Files {
  readonly bundle: Ss12000Bundle;
  /** Files (by path) read for each endpoint. */
  readonly read: Readonly<Record<Endpoint, readonly string[]>>;
  /** `.json` files not named after an endpoint Trappa reads (activities, groups…). */
  readonly ignored: readonly string[];
  readonly problems: readonly FileProblem[];
}

/**
 * The endpoint a file belongs to, from its name: `attendances.json`,
 * `attendances-2.json`, `Attendances.page1.json` → `attendances` (the name
 * must start with the endpoint, case-insensitive, and not continue with a
 * letter, so `attendanceEvents.json` is not attendance).
 *
 * @param path - file path
 * @returns the endpoint, or undefined
 * @example endpointOf('export/calendarEvents.json') // 'calendarEvents'
 */
export function endpointOf(path: string): Endpoint | undefined {
  const name = basename(path).toLowerCase();
  if (!name.endsWith('.json')) return undefined;
  return ENDPOINTS.find((e) => name.startsWith(e.toLowerCase()) && !/^[a-z]/.test(name.slice(e.length)));
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Read an SS 12000 export from files and directories (a directory means its
 * `*.json` files, not recursive). Each file is one list (`{ data: [...] }` or
 * a plain array) named after its endpoint; several files of one endpoint
 * (pages) are merged in name order. Never throws for bad content, only for an
 * unreadable path.
 *
 * @param paths - files and directories
 * @returns the bundle for `fromSs12000`, plus ignored files and problems
 * @example const { bundle } = await readSs12000Files(['fixtures/ss12000']);
 */
export async function readSs12000Files(paths: readonly string[]): Promise<Ss12000Files> {
  const lists: Record<Endpoint, unknown[]> = { organisations: [], persons: [], calendarEvents: [], attendances: [], absences: [] };
  const read: Record<Endpoint, string[]> = { organisations: [], persons: [], calendarEvents: [], attendances: [], absences: [] };
  const ignored: string[] = [];
  const problems: FileProblem[] = [];
  for (const file of await expand(paths)) {
    const endpoint = endpointOf(file);
    if (endpoint === undefined) {
      ignored.push(file);
      continue;
    }
    const text = await readText(file);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push({ location: file, message: `invalid JSON: ${jsonErrorReason(error, text)}` });
      continue;
    }
    const list = unwrapList(value);
    if (!list.ok) {
      problems.push({ location: file, message: list.message });
      continue;
    }
    read[endpoint].push(file);
    for (const item of list.items) lists[endpoint].push(item);
  }
  const bundle: Record<string, unknown[]> = {};
  for (const e of ENDPOINTS) if (read[e].length > 0) bundle[e] = lists[e];
  return { bundle, read, ignored, problems };
}
