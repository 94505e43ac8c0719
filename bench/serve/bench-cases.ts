// The load cases the serve benchmark runs and the targets the issue sets for sagepack against the floor.
import type { LoadCase } from './load-run'

interface CaseTarget {
  /** sagepack's req/s must be at least this share of the HTTP floor's. */
  minThroughputShare?: number
  /** sagepack's p99 latency must stay under this. */
  maxP99Ms?: number
}

export interface BenchCase extends LoadCase {
  target: CaseTarget
}

export const BENCH_CASES: readonly BenchCase[] = [
  { rows: 1, connections: 1, target: { minThroughputShare: 0.5, maxP99Ms: 5 } },
  { rows: 1, connections: 32, target: { minThroughputShare: 0.6 } },
  { rows: 64, connections: 1, target: {} },
  { rows: 64, connections: 32, target: {} },
]

/** Row counts of the request bodies and of the compute floor. */
export const BATCH_ROWS = [...new Set(BENCH_CASES.map((c) => c.rows))]
