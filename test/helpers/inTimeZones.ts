import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Run a probe module's `probe()` in a child process per time zone (a worker
 * thread cannot change its own time zone) and return what each printed, parsed.
 *
 * @param probeUrl - the probe module's URL; it exports `probe()` returning JSON-able data
 * @param zones - IANA time zones
 * @returns one parsed result per zone, in order
 * @example await probeInTimeZones(new URL('./tzProbe.ts', import.meta.url).href, ['UTC'])
 */
export async function probeInTimeZones<T>(probeUrl: string, zones: readonly string[]): Promise<T[]> {
  const script = `import { probe } from ${JSON.stringify(probeUrl)}; process.stdout.write(JSON.stringify(probe()));`;
  const outputs = await Promise.all(
    zones.map((tz) =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ),
  );
  return outputs.map((o) => JSON.parse(o.stdout) as T);
}
