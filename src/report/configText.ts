import type { Templates } from '../model/template.js';

/**
 * What is wrong with a config file (`--config`), sv and en: `{file}` is the
 * file as given, `{at}` the JSON path of the bad key (`evaluate.workers`).
 * A value of the file is never quoted: it may be a path with a name in it.
 */
export const CONFIG_TEXT = {
  issue: { sv: '{file}: {at}: {problem}', en: '{file}: {at}: {problem}' },
  root: { sv: '(roten)', en: '(root)' },
  notFound: { sv: '--config {file}: filen finns inte', en: '--config {file}: no such file' },
  unreadable: { sv: '--config {file}: kan inte läsas ({code})', en: '--config {file}: cannot be read ({code})' },
  tooLarge: { sv: '--config {file}: större än {max} byte; en konfigurationsfil är liten', en: '--config {file}: larger than {max} bytes; a config file is small' },
  invalidJson: { sv: '{file}: inte giltig JSON (rad {line}, tecken {column})', en: '{file}: not valid JSON (line {line}, character {column})' },
  invalidJsonAtEnd: { sv: '{file}: inte giltig JSON (slutar för tidigt)', en: '{file}: not valid JSON (ends too early)' },
  notObject: { sv: 'ska vara ett JSON-objekt med ett objekt per kommando', en: 'must be a JSON object with one object per command' },
  notSection: { sv: 'ska vara ett objekt av flaggor för {command}', en: 'must be an object of the options of {command}' },
  unknownCommand: { sv: 'inget kommando som tar --config; de är {commands}', en: 'not a command that takes --config; those are {commands}' },
  unknownOption: { sv: 'okänd flagga för {command} (se trappa {command} --help)', en: 'unknown option of {command} (see trappa {command} --help)' },
  commandLineOnly: { sv: 'ges bara på kommandoraden', en: 'is given on the command line only' },
  string: { sv: 'ska vara en sträng', en: 'must be a string' },
  path: { sv: 'ska vara en sökväg (en sträng, inte tom)', en: 'must be a path (a string, not empty)' },
  boolean: { sv: 'ska vara true eller false', en: 'must be true or false' },
  integer: { sv: 'ska vara ett heltal', en: 'must be a whole number' },
  number: { sv: 'ska vara ett tal', en: 'must be a number' },
  choice: { sv: 'ska vara ett av {choices}', en: 'must be one of {choices}' },
  list: { sv: 'ska vara en lista (minst ett värde) där varje värde {each}', en: 'must be a list (at least one value) whose every value {each}' },
  inputs: { sv: 'ska vara en lista av sökvägar (minst en, ingen tom)', en: 'must be a list of paths (at least one, none empty)' },
} as const satisfies Templates;
