import type { Templates } from '../model/template.js';

/**
 * The failures of a run's files, sv and en: outputs that cannot be written
 * or are locked, a `--previous` file refused, stale input, and input files
 * that cannot be read as a whole. The error classes (`OutputUnwritableError`,
 * `PreviousFileError`, `StaleInputError`, `BatchInputError`, …) carry their
 * text in both languages; the CLI prints the run's.
 */
export const OUTPUT_FAILURE_TEXT = {
  unwritable: { sv: '{flag} {path}: {reason}', en: '{flag} {path}: {reason}' },
  emptyPath: { sv: 'en tom sökväg', en: 'an empty path' },
  isDirectory: { sv: 'är en katalog; ange ett filnamn', en: 'is a directory; give a file name' },
  notRegular: {
    sv: 'är ingen vanlig fil (en enhet eller en pipe kan inte ersättas atomärt); ange ett filnamn',
    en: 'is not a regular file (a device or a pipe cannot be replaced atomically); give a file name',
  },
  wouldOverwrite: { sv: 'skulle skriva över {other}, som körningen läser', en: 'would overwrite {other}, which this run reads' },
  givenTwice: { sv: 'anges också som {other}; ge varje utdata en egen fil', en: 'is also given as {other}; give each output its own file' },
  noDirectory: { sv: 'katalogen {dir} finns inte', en: 'the directory {dir} does not exist' },
  notDirectory: { sv: '{dir} är ingen katalog', en: '{dir} is not a directory' },
  dirNotWritable: { sv: 'katalogen {dir} är inte skrivbar', en: 'the directory {dir} is not writable' },
  cannotCreateBeside: { sv: 'kan inte skapa en fil bredvid den: {error}', en: 'cannot create a file beside it: {error}' },
  cannotCreateLock: { sv: 'kan inte skapa låsfilen {lock}: {error}', en: 'cannot create the lock file {lock}: {error}' },
  locked: {
    sv: '{flag} {path} används av en annan körning ({who}); vänta tills den är klar, eller ta bort {lock} om ingen körning pågår',
    en: '{flag} {path} is in use by another run ({who}); wait for it to finish, or remove {lock} if no run is active',
  },
  holder: { sv: 'pid {pid} på {host}, sedan {since}', en: 'pid {pid} on {host}, since {since}' },
  unreadableLock: { sv: 'en låsfil som inte kan läsas', en: 'an unreadable lock' },
  cannotWrite: { sv: 'kan inte skriva {target}: {error}; utdatafilerna lämnades som de var', en: 'cannot write {target}: {error}; the output files were left as they were' },
  cannotWriteStdout: { sv: 'kan inte skriva till stdout: {error}', en: 'cannot write stdout: {error}' },
  theOutputStream: { sv: 'utdataströmmen', en: 'the output stream' },
  systemError: { sv: '{code} ({text})', en: '{code} ({text})' },
} as const satisfies Templates;

/** Failures of a command that are not about one file's content. */
export const COMMAND_FAILURE_TEXT = {
  fileJson: { sv: '{path}: {reason}', en: '{path}: {reason}' },
  policyOption: { sv: '{option} {spec}: {reason}', en: '{option} {spec}: {reason}' },
  needsFastCheck: {
    sv: '--generate drar elever med fast-check, ett valfritt beroende (peer dependency) till trappa: installera det (npm install --save-dev fast-check) eller jämför med en ärendefil',
    en: '--generate draws students with fast-check, an optional peer dependency of trappa: install it (npm install --save-dev fast-check) or diff a cases file',
  },
  bug: { sv: 'internt fel i trappa (rapportera det gärna): {message}', en: '{message}' },
} as const satisfies Templates;

/** What the file system's errors mean, by code, without the path (for `systemErrorText`). */
export const SYSTEM_REASON_TEXT = {
  ENOENT: { sv: 'filen eller katalogen finns inte', en: 'no such file or directory' },
  EACCES: { sv: 'ingen behörighet', en: 'permission denied' },
  EPERM: { sv: 'åtgärden är inte tillåten', en: 'operation not permitted' },
  EISDIR: { sv: 'en katalog, inte en fil', en: 'illegal operation on a directory' },
  ENOTDIR: { sv: 'inte en katalog', en: 'not a directory' },
  EMFILE: { sv: 'för många öppna filer', en: 'too many open files' },
  ENOSPC: { sv: 'disken är full', en: 'no space left on device' },
  EROFS: { sv: 'skrivskyddat filsystem', en: 'read-only file system' },
  EEXIST: { sv: 'filen finns redan', en: 'file already exists' },
  EPIPE: { sv: 'mottagaren har stängt', en: 'broken pipe' },
  EIO: { sv: 'in- eller utmatningsfel', en: 'i/o error' },
  EDQUOT: { sv: 'diskkvoten är slut', en: 'disk quota exceeded' },
} as const satisfies Templates;

/** A `--previous` file refused: what is wrong, and what to do. */
export const PREVIOUS_FILE_TEXT = {
  refused: { sv: '--previous {path}: {detail}; {todo}', en: '--previous {path}: {detail}; {todo}' },
  whatToDo: {
    sv: 'kör gårdagens körning igen med --decisions-out för att skriva en verifierad fil, eller kör i kväll utan --previous för fullständiga utdata (alla beslut, inga ändringar)',
    en: 'run last night again with --decisions-out to write a verified file, or run tonight without --previous for a full output (every decision, no changes)',
  },
  giveEarlier: { sv: 'ange beslutsfilen från en tidigare natt', en: 'give the decisions file of an earlier night' },
  cannotRead: { sv: 'kan inte läsas: {reason}', en: 'cannot be read: {reason}' },
  gzip: {
    sv: 'filen är gzip-komprimerad (packa upp den först: --previous verifieras från slutet och läses två gånger)',
    en: 'the file is gzip-compressed (gunzip it first: --previous is verified from its end and read twice)',
  },
  empty: { sv: 'filen är tom', en: 'the file is empty' },
  noTrailer: {
    sv: 'sista raden är ett beslut, inte avslutningsraden: filen klipptes av vid ett radslut, eller skrevs av --json eller av en trappa från innan beslutsfiler hade en avslutningsrad',
    en: 'the last line is a decision, not the trailer: the file was cut short at a line end, or written by --json or by a trappa before decisions files had a trailer',
  },
  truncated: {
    sv: 'sista raden är inte hel: filen klipptes av (körningen som skrev den stoppades, eller disken blev full)',
    en: 'the last line is not complete: the file was cut short (the run writing it was stopped, or the disk was full)',
  },
  newerFormat: {
    sv: 'skriven i beslutsformat {format} av en nyare trappa; den här läser format {reads}',
    en: 'written in decisions format {format} by a newer trappa; this one reads format {reads}',
  },
  badTrailer: { sv: 'avslutningsraden är inte giltig ({path}: {message})', en: 'the trailer is not valid ({path}: {message})' },
  notEarlier: { sv: 'besluten gäller {asOf}, inte före i kväll ({tonight})', en: 'the decisions are of {asOf}, not before tonight ({tonight})' },
  atLine: { sv: 'rad {n}: {detail}', en: 'line {n}: {detail}' },
  trailerInside: { sv: 'en avslutningsrad före sista raden: två filer ihopslagna', en: 'a trailer before the last line: two files joined' },
  emptyLine: { sv: 'en tom rad', en: 'an empty line' },
  notJson: { sv: 'inte giltig JSON', en: 'not valid JSON' },
  notADecision: { sv: 'inte ett beslut: {path}: {message}', en: 'not a decision: {path}: {message}' },
  newerDecision: { sv: 'ett beslut från {asOf} i en fil från {file}: två nätter ihopslagna', en: 'a decision of {asOf} in a file of {file}: two nights joined' },
  otherPolicy: {
    sv: 'ett beslut under en annan policy än avslutningsraden anger: två körningar ihopslagna',
    en: 'a decision under another policy than the trailer names: two runs joined',
  },
  outOfOrder: { sv: 'elev-id i fel ordning eller upprepade: inte utdata från en körning', en: 'student ids out of order or repeated: not the output of one run' },
  changed: { sv: 'filen ändrades medan körningen läste den', en: 'the file changed while the run read it' },
  count: {
    sv: 'avslutningsraden räknar {count} beslut och filen har {lines}: rader saknas eller har lagts till',
    en: 'the trailer counts {count} decisions and the file has {lines}: lines are missing or were added',
  },
  hash: {
    sv: 'beslutsraderna stämmer inte med avslutningsradens SHA-256: filen har redigerats eller satts ihop av två körningar',
    en: "the decision lines do not match the trailer's SHA-256: the file was edited or joined from two runs",
  },
} as const satisfies Templates;

/** `trappa report`'s input that is not decisions (never quoting a line: it may hold names). */
export const REPORT_INPUT_TEXT = {
  labels: { sv: '--labels {reason}', en: '--labels {reason}' },
  labelsNotJson: { sv: '--labels {path}: kan inte läsas som JSON ({code})', en: '--labels {path}: cannot be read as JSON ({code})' },
  labelsShape: {
    sv: '--labels {path}: inte ett JSON-objekt från elev-id till visningsnamn (högst 200 tecken)',
    en: '--labels {path}: not a JSON object of student id → display name (at most 200 characters)',
  },
  trailerMismatch: {
    sv: '{source}: beslutsraderna stämmer inte med avslutningsraden (antal eller SHA-256): filen har klippts av, redigerats eller satts ihop',
    en: '{source}: the decision lines do not match the trailer (count or SHA-256): the file was cut, edited or joined',
  },
  trailerInside: { sv: '{source} rad {n}: en avslutningsrad före sista raden: två filer ihopslagna', en: '{source} line {n}: a trailer before the last line: two files joined' },
  notJson: { sv: '{source} rad {n}: inte giltig JSON', en: '{source} line {n}: not valid JSON' },
  notDecision: { sv: '{source} rad {n}: inte ett beslut: {path}: {message}', en: '{source} line {n}: not a decision: {path}: {message}' },
  repeatedStudent: {
    sv: '{source} rad {n}: samma elev som på rad {first}; en rapport visar varje elev en gång (två utdata ihopslagna, eller eleven i två ärenden?)',
    en: '{source} line {n}: the same student as on line {first}; a report shows each student once (two outputs joined, or the student in two cases?)',
  },
  cannotRead: { sv: '{input}: kan inte läsas ({code})', en: '{input}: cannot be read ({code})' },
  notWhole: { sv: '{input}: ingen hel beslutsfil: {detail}', en: '{input}: not a whole decisions file: {detail}' },
  sameFileName: { sv: 'två skol-id ger samma filnamn', en: 'two school ids give the same file name' },
  summary: {
    sv: 'trappa report: {schools} {schools|skola|skolor}, {students} {students|elev|elever}, {open} öppna {open|åtgärd|åtgärder} ({overdue} {overdue|försenad|försenade}) → {out}',
    en: 'trappa report: {schools} {schools|school|schools}, {students} {students|student|students}, {open} open {open|duty|duties} ({overdue} overdue) → {out}',
  },
  report: { sv: 'Rapport: {path}', en: 'Report: {path}' },
  stoppedReading: {
    sv: 'trappa report: stoppad av {signal} medan besluten lästes; tillfälliga filer borttagna, ingen rapport skrevs om',
    en: 'trappa report: stopped by {signal} while the decisions were read; temporary files removed, no report rewritten',
  },
  stopped: {
    sv: 'trappa report: stoppad av {signal}; tillfälliga filer borttagna; {written} av {schools} {schools|rapport|rapporter} skrevs om, de övriga lämnade som de var',
    en: 'trappa report: stopped by {signal}; temporary files removed; {written} of {schools} {schools|report|reports} rewritten, the rest left as they were',
  },
} as const satisfies Templates;

/** Tonight's input older than `--max-input-age` allows. */
export const STALE_INPUT_TEXT = {
  noLesson: {
    sv: 'ingen lektion godtogs, så indatas ålder är okänd (--max-input-age {max}): ingenting skrevs',
    en: "no lesson was accepted, so the input's age is unknown (--max-input-age {max}): nothing was written",
  },
  stale: {
    sv: 'den senaste lektionen är från {newest}, {age} {age|skoldag|skoldagar} före utvärderingsdatumet; --max-input-age tillåter {max}: ingenting skrevs. Kontrollera att kvällens export kördes.',
    en: "the newest lesson is from {newest}, {age} school {age|day|days} before the evaluation date; --max-input-age allows {max}: nothing was written. Check that tonight's export ran.",
  },
} as const satisfies Templates;

/** An input file that cannot be read as a whole. */
export const INPUT_FILE_TEXT = {
  notGzip: {
    sv: '{name}: ingen hel gzip-fil ({reason}): den klipptes av eller är skadad',
    en: '{name}: not a whole gzip file ({reason}): it was cut short or damaged',
  },
  notText: {
    sv: '{name}: ingen textfil: det är {kind}. Trappa läser UTF-8-text (NDJSON, CSV eller JSON), gärna gzip-komprimerad',
    en: '{name}: not a text file: it is {kind}. Trappa reads UTF-8 text (NDJSON, CSV or JSON), optionally gzip-compressed',
  },
  notUtf8: {
    sv: '{name}:{line}: inte giltig UTF-8 (byte {byte} på raden); spara filen som UTF-8',
    en: '{name}:{line}: not valid UTF-8 (byte {byte} of the line); save the file as UTF-8',
  },
} as const satisfies Templates;

/** zlib's reasons for a damaged gzip file, by code, in Swedish (the English is zlib's own message). */
export const GZIP_REASON_SV: Readonly<Record<string, string>> = {
  Z_BUF_ERROR: 'filen tar slut för tidigt',
  Z_DATA_ERROR: 'felaktiga komprimerade data',
  ERR_STREAM_PREMATURE_CLOSE: 'strömmen stängdes för tidigt',
};

/** What a file is when it is not text Trappa can read (`binaryKindText`). */
export const BINARY_KIND_TEXT = {
  gzipTwice: { sv: 'fortfarande gzip-komprimerad efter uppackning (komprimerad två gånger?)', en: 'still gzip-compressed after decompressing (compressed twice?)' },
  zip: {
    sv: 'ett ZIP-arkiv (en Excel .xlsx- eller OpenDocument-fil?): exportera den som CSV (UTF-8) eller NDJSON',
    en: 'a ZIP archive (an Excel .xlsx or OpenDocument file?): export it as CSV (UTF-8) or NDJSON',
  },
  xls: { sv: 'en Excel .xls-arbetsbok: exportera den som CSV (UTF-8)', en: 'an Excel .xls workbook: export it as CSV (UTF-8)' },
  utf16Le: { sv: 'UTF-16-text (Excels "Unicode-text"): spara den som UTF-8', en: 'UTF-16 text (Excel\'s "Unicode text"): save it as UTF-8' },
  utf16Be: { sv: 'UTF-16-text: spara den som UTF-8', en: 'UTF-16 text: save it as UTF-8' },
  bzip2: { sv: 'bzip2-komprimerad: packa upp den, eller komprimera den med gzip', en: 'bzip2-compressed: decompress it, or compress it with gzip' },
  xz: { sv: 'xz-komprimerad: packa upp den, eller komprimera den med gzip', en: 'xz-compressed: decompress it, or compress it with gzip' },
  zstd: { sv: 'zstd-komprimerad: packa upp den, eller komprimera den med gzip', en: 'zstd-compressed: decompress it, or compress it with gzip' },
  sevenZip: { sv: 'ett 7-Zip-arkiv: packa upp det först', en: 'a 7-Zip archive: extract it first' },
  pdf: { sv: 'ett PDF-dokument', en: 'a PDF document' },
  png: { sv: 'en PNG-bild', en: 'a PNG image' },
  jpeg: { sv: 'en JPEG-bild', en: 'a JPEG image' },
  elf: { sv: 'ett körbart program (ELF)', en: 'an executable (ELF)' },
  binary: { sv: 'binärdata ({nuls} NUL-byte bland de första {bytes}), ingen text', en: 'binary data ({nuls} NUL bytes in its first {bytes}), not text' },
} as const satisfies Templates;
