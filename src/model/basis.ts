import { z } from 'zod';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';

/**
 * The hosts Trappa's own policies link to, each with the reason it is
 * trusted: the law's text, or the page of the authority or municipality that
 * wrote the policy. The bundled policies cite only these (a test checks it);
 * `trappa check` warns (`unlisted-source`) when another policy cites a host
 * outside the list, without refusing it: a school's own policy may rest on a
 * page of its own municipality. `docs/sources.md` lists every address a
 * bundled rule cites, with what it says.
 *
 * @example SOURCE_HOSTS['lagen.nu'] // 'Swedish statutes as published in Regeringskansliets rättsdatabaser, …'
 */
export const SOURCE_HOSTS = {
  'lagen.nu': 'Swedish statutes as published in Regeringskansliets rättsdatabaser, in force and repealed, with an anchor per chapter and paragraph (#K7P19a)',
  'www.riksdagen.se': 'the Riksdag: the official SFS text, bills and committee reports',
  'www.skolverket.se': 'Skolverket (the National Agency for Education): legal guidance and recommendations',
  'www.socialstyrelsen.se': 'Socialstyrelsen (the National Board of Health and Welfare): guidance on the Social Services Act',
  'www.csn.se': 'CSN (the Swedish Board of Student Finance): reporting of invalid absence for studiehjälp',
  'start.stockholm': 'City of Stockholm: pages for residents and the city schools',
  'leverantor.stockholm': 'City of Stockholm: pages for schools and other providers that are not the city',
  'goteborg.se': 'City of Gothenburg',
  '5dok.org':
    'a public copy of the City of Stockholm report "Myndighetsutövande socialtjänst på skolan" (May 2020), the only public text found of the city\'s absence guideline (docs/sources.md)',
  'research.monash.edu': 'the public research record of Heyne, Gren-Landell, Melvin & Gentle-Genitty (2019), the absence typology',
} as const satisfies Record<string, string>;
/** A host of `SOURCE_HOSTS`. */
export type SourceHost = keyof typeof SOURCE_HOSTS;

const HOSTS: ReadonlySet<string> = new Set(Object.keys(SOURCE_HOSTS));

/**
 * Whether a text is a link a reader can follow as written: an absolute https
 * URL with a host, no user, password or port, and already in the form a
 * browser shows it (`new URL(text).href === text`: `https://goteborg.se/`,
 * not `https://goteborg.se`).
 *
 * @param text - the candidate URL
 * @returns true when it may be a basis's `url`
 * @example isPublicUrl('https://lagen.nu/2010:800#K7P19a') // true
 * @example isPublicUrl('http://lagen.nu/2010:800') // false (not https)
 */
export function isPublicUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '' && url.port === '' && url.href === text;
}

/**
 * Whether a URL is on one of `SOURCE_HOSTS`.
 *
 * @param text - a URL (see `isPublicUrl`)
 * @returns true when its host is listed
 * @example isListedSource('https://lagen.nu/2010:800#K7P17') // true
 * @example isListedSource('https://example.com/policy') // false
 */
export function isListedSource(text: string): boolean {
  return isPublicUrl(text) && HOSTS.has(new URL(text).hostname);
}

/** Where a rule's duty comes from: the citation, what the source says, and a public link to its text. */
export const BasisSchema = z.strictObject({
  /** Short citation, e.g. "SL 7 kap. 17 §". */
  citation: z.string().min(3).max(160),
  /** The source and what it says, e.g. "Skollagen (2010:800): …". */
  source: z.string().min(3).max(200),
  /** A public address of the source's text, https, e.g. "https://lagen.nu/2010:800#K7P17" (see `SOURCE_HOSTS`). */
  url: z
    .string()
    .max(300)
    .regex(/^https:\/\/[^\s/?#@:]+\/\S*$/, { message: M.httpsUrl.en })
    .refine(isPublicUrl, { message: M.publicUrl.en }),
  /** The part of the source the rule rests on, e.g. "7 kap. 17 §" or "avsnitt 5". */
  section: z.string().min(1).max(60).optional(),
});
export type Basis = z.infer<typeof BasisSchema>;
