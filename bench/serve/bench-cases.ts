// The load cases the serve benchmark runs and the targets the issue sets for sagepack against the
// thread-hop floor: the most any server that keeps predictions off the event loop can reach.
import type { LoadCase } from './load-run'

interface CaseTarget {
  /** sagepack's req/s must be at least this share of the thread-hop floor's. */
  minHopFloorShare?: number
  /** sagepack's p99 latency must stay under this. */
  maxP99Ms?: number
  /**
   * The runtime's own time at p50 (sagepack less the thread-hop floor and the bare model) must stay
   * under this many microseconds.
   */
  maxOwnUs?: number
}

export interface BenchCase extends LoadCase {
  target: CaseTarget
}

export const BENCH_CASES: readonly BenchCase[] = [
  { rows: 1, connections: 1, target: { minHopFloorShare: 0.7, maxP99Ms: 5, maxOwnUs: 40 } },
  { rows: 1, connections: 32, target: {} },
  { rows: 64, connections: 1, target: {} },
  { rows: 64, connections: 32, target: { minHopFloorShare: 0.7 } },
]

/** Row counts of the request bodies and of the compute floor. */
export const BATCH_ROWS = [...new Set(BENCH_CASES.map((c) => c.rows))]
