/** One test case of a JUnit report: passed, failed (the expectation differs) or an error (it could not run). */
export interface JUnitCase {
  readonly name: string;
  /** The suite's file or group, as CI tools group by it. */
  readonly classname: string;
  readonly failure?: { readonly message: string; readonly text: string };
  readonly error?: { readonly message: string; readonly text: string };
}

/** One suite: a table file, or the coverage threshold. */
export interface JUnitSuite {
  readonly name: string;
  readonly cases: readonly JUnitCase[];
}

/**
 * Text for XML content and attribute values: `& < > " '` as entities, and the
 * characters XML 1.0 cannot hold at all (controls other than tab, line feed
 * and carriage return, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
 *
 * @param text - any string
 * @returns the escaped text
 * @example escapeXml('a < b & "c"') //=> 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function count(suite: JUnitSuite): { tests: number; failures: number; errors: number } {
  return {
    tests: suite.cases.length,
    failures: suite.cases.filter((c) => c.failure !== undefined).length,
    errors: suite.cases.filter((c) => c.error !== undefined).length,
  };
}

function testcase(c: JUnitCase): string {
  const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}"`;
  const body = c.failure !== undefined ? ['failure', c.failure] : c.error !== undefined ? ['error', c.error] : undefined;
  if (body === undefined) return `${open}/>`;
  const [tag, { message, text }] = body as ['failure' | 'error', { message: string; text: string }];
  return `${open}>\n      <${tag} message="${escapeXml(message)}">${escapeXml(text)}</${tag}>\n    </testcase>`;
}

/**
 * A JUnit XML report (the format CI systems read: Jenkins, GitLab, GitHub
 * actions' test reporters): `testsuites` with totals, one `testsuite` per
 * suite, one `testcase` each, with a `failure` or an `error` and its text.
 *
 * @param name - the report's name
 * @param suites - the suites in order
 * @returns the XML document, ending with a line break
 * @example junitXml('trappa test', [{ name: 't.yaml', cases: [{ name: 'a', classname: 't.yaml' }] }]).split('\n')[1]
 * //=> '<testsuites name="trappa test" tests="1" failures="0" errors="0">'
 */
export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const totals = suites.map(count).reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors }), { tests: 0, failures: 0, errors: 0 });
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${escapeXml(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`];
  for (const suite of suites) {
    const n = count(suite);
    lines.push(`  <testsuite name="${escapeXml(suite.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}">`);
    for (const c of suite.cases) lines.push(testcase(c));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
