/**
 * CPU seconds used so far by this process (all its threads, DuckDB's included) and by the child
 * processes it has waited for (`cat`, the CLI). On a shared machine wall time follows the load;
 * CPU time much less, so the anchors section reports both.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks a second of `/proc/<pid>/stat` (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** cutime + cstime of this process (children waited for), seconds; 0 where there is no /proc. */
function childrenSeconds(): number {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name (which may hold spaces) start at field 3, state; cutime is field 16.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/**
 * CPU seconds of this process and its waited-for children so far: take the difference around a
 * run. Child time is counted only on Linux (10 ms ticks).
 *
 * @example const before = cpuSeconds(); spawnSync('cat', [file]); cpuSeconds() - before // 0.02
 */
export function cpuSeconds(): number {
  const self = process.cpuUsage();
  return (self.user + self.system) / 1e6 + childrenSeconds();
}
