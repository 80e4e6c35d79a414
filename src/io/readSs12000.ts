import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unwrapList } from '../adapters/ss12000/envelope.js';
import type { Ss12000Bundle } from '../adapters/ss12000/fromSs12000.js';
import { readText } from './readText.js';
import { jsonErrorText } from '../adapters/jsonError.js';
import type { Template } from '../model/template.js';
import { BatchInputError } from './batchInputError.js';

/** A reader's message (`file:3: not valid UTF-8 …`) without its file, the line moved to the end. */
function withoutLocation(message: string, file: string, lang: 'sv' | 'en'): string {
  if (!message.startsWith(`${file}:`)) return message;
  const rest = message.slice(file.length + 1);
  const line = /^(\d+): ([^]*)$/.exec(rest);
  return line === null ? rest.trimStart() : `${line[2]} (${lang === 'sv' ? 'rad' : 'line'} ${line[1]})`;
}

/** A file problem from its texts. */
function problem(location: string, text: Template): FileProblem {
  return { location, message: text.en, text };
}

/** The SS 12000 lists Trappa reads, by endpoint name; files are named after them. */
const ENDPOINTS = ['organisations', 'persons', 'calendarEvents', 'attendances', 'absences'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** A file that could not be read as an SS 12000 list. */
export interface FileProblem {
  readonly location: string;
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

/** An export read from disk: the merged lists, and what was not used. */
export interface Ss12000Files {
  readonly bundle: Ss12000Bundle;
  /** Files (by path) read for each endpoint. */
  readonly read: Readonly<Record<Endpoint, readonly string[]>>;
  /** `.json` (and `.json.gz`) files not named after an endpoint Trappa reads (activities, groups…). */
  readonly ignored: readonly string[];
  readonly problems: readonly FileProblem[];
}

/** A file of an export: `.json`, or `.json.gz` (gzip, decompressed when read). */
const isJsonFile = (name: string): boolean => /\.json(?:\.gz)?$/i.test(name);

/**
 * The endpoint a file belongs to, from its name: `attendances.json`,
 * `attendances-2.json`, `Attendances.page1.json`, `attendances.json.gz` →
 * `attendances` (the name must start with the endpoint, case-insensitive,
 * and not continue with a letter, so `attendanceEvents.json` is not
 * attendance).
 *
 * @param path - file path
 * @returns the endpoint, or undefined
 * @example endpointOf('export/calendarEvents.json') // 'calendarEvents'
 * @example endpointOf('export/attendances.json.gz') // 'attendances'
 */
export function endpointOf(path: string): Endpoint | undefined {
  const name = basename(path).toLowerCase();
  if (!isJsonFile(name)) return undefined;
  return ENDPOINTS.find((e) => name.startsWith(e.toLowerCase()) && !/^[a-z]/.test(name.slice(e.length)));
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter(isJsonFile).sort();
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Read an SS 12000 export from files and directories (a directory means its
 * `*.json` and `*.json.gz` files, not recursive; a gzip file is decompressed). Each file is one list (`{ data: [...] }` or
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
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      if (!(error instanceof BatchInputError)) throw error;
      const text = error.text ?? { sv: error.message, en: error.message };
      problems.push(problem(file, { sv: withoutLocation(text.sv, file, 'sv'), en: withoutLocation(text.en, file, 'en') }));
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(problem(file, jsonErrorText(error, text)));
      continue;
    }
    const list = unwrapList(value);
    if (!list.ok) {
      problems.push(problem(file, list.text));
      continue;
    }
    read[endpoint].push(file);
    for (const item of list.items) lists[endpoint].push(item);
  }
  const bundle: Record<string, unknown[]> = {};
  for (const e of ENDPOINTS) if (read[e].length > 0) bundle[e] = lists[e];
  return { bundle, read, ignored, problems };
}
