/**
 * What a second worker buys, and the most it could buy on this machine (issue 15's "two workers
 * at 1.7× one"). A one-worker run is not one core's work: V8's helper threads (concurrent
 * marking, parallel scavenges, optimising compiles) and libuv's reads run beside the main thread,
 * on the other core when it is idle. So one worker already uses `coresOne` cores, and two workers
 * cannot be faster than the cores left over allow. Add the CPU a second isolate costs (its own
 * start, compiles and collections, and the main thread that hands out the buckets) and the
 * ceiling is
 *
 *     ceiling = (cores / coresOne) × (cpuOne / cpuTwo)
 *
 * which the measured speedup `wallOne / wallTwo = (cpuOne / cpuTwo) × (coresTwo / coresOne)`
 * reaches only when the two-worker run keeps every core busy (`coresTwo = cores`).
 */

/** One run's wall and CPU seconds (all threads). */
export interface TimedRun {
  readonly wall: number;
  readonly cpu: number;
}

/** Two workers against one, and the ceiling of the ratio on `cores` cores. */
export interface WorkerScaling {
  /** One worker's wall time over two workers': the speedup. */
  readonly speedup: number;
  /** Two workers' CPU seconds over one worker's: the work a second isolate adds. */
  readonly cpuRatio: number;
  /** Cores used on average (CPU seconds over wall seconds) by one worker and by two. */
  readonly coresOne: number;
  readonly coresTwo: number;
  /** The speedup with every core busy and the measured CPU: `(cores / coresOne) × (cpuOne / cpuTwo)`. */
  readonly ceiling: number;
}

/**
 * The scaling of a one-worker and a two-worker run of the same input.
 *
 * @param one - the one-worker run
 * @param two - the two-worker run
 * @param cores - the cores the machine has (`availableParallelism()`)
 * @returns speedup, CPU ratio, cores used and the ceiling
 * @example workerScaling({ wall: 16, cpu: 17.6 }, { wall: 11.3, cpu: 20.5 }, 2) // { speedup: 1.42, cpuRatio: 1.16, coresOne: 1.1, coresTwo: 1.81, ceiling: 1.56 }
 */
export function workerScaling(one: TimedRun, two: TimedRun, cores: number): WorkerScaling {
  if (!(one.wall > 0 && two.wall > 0 && one.cpu > 0 && two.cpu > 0 && cores >= 1)) {
    throw new RangeError(`workerScaling: wall and CPU seconds must be positive and cores at least 1 (got ${JSON.stringify({ one, two, cores })})`);
  }
  const coresOne = one.cpu / one.wall;
  const coresTwo = two.cpu / two.wall;
  const cpuRatio = two.cpu / one.cpu;
  return { speedup: one.wall / two.wall, cpuRatio, coresOne, coresTwo, ceiling: cores / coresOne / cpuRatio };
}
