// The shape of report.json: everything the HTML report shows, as numbers a machine can read. Every
// figure's data is here too, exactly as its chart spec consumes it.

import type { BehaviourCheckResult } from '../behaviour/check-results'
import type { Interval } from '../bootstrap/bootstrap-intervals'
import type { Figure } from '../charts/figure-types'
import type { GateVerdict } from '../gates/gate-verdicts'
import type { ClassReport } from '../metrics/class-counts'
import type { MetricValues } from '../metrics/headline-scorer'
import type { Task } from '../metrics/metric-catalog'

export const REPORT_FORMAT = 'sagepack.evaluation/v1'

export interface ChannelDigest {
  channel: string
  /** sha256 of the `sha256sum` listing of the channel's files (paths relative to the channel folder). */
  sha256: string
  files: number
  bytes: number
}

export interface RunIdentity {
  runId: string
  executor: string | null
  startedAt: string | null
  git: { commit: string | null; dirty: boolean | null }
  /** sha256 of the run's config.json bytes (what release.json records as configSha256). */
  configSha256: string
  /** Per training channel; empty when the run holds no copy of its data (a SageMaker run). */
  data: ChannelDigest[]
  backend: string | null
  /** The whole training job, from run.json. */
  trainingSeconds: number | null
  /** The fit loop alone, from metrics.json. */
  fitSeconds: number | null
  epochs: number | null
  /** models/<model>/dist/model.tar.gz when it was built from this run. */
  bundle: { path: string; sha256: string } | null
}

export interface ChampionInfo {
  /** Where the champion came from: release.json, a run named with --against, or none. */
  source: 'release' | 'run' | 'none'
  runId: string | null
  /** Whether the champion's run folder is here, so its curves and slices are compared too. */
  runPresent: boolean
  /** Why there is no (full) comparison, for the reader. */
  note: string | null
}

export interface HeadlineRow {
  metric: string
  label: string
  higherIsBetter: boolean
  value: number | null
  interval: Interval
  baseline: number | null
  champion: number | null
  /** value - champion */
  deltaChampion: number | null
  /** value - baseline */
  deltaBaseline: number | null
}

interface SliceRow {
  value: string
  count: number
  metrics: MetricValues
  intervals: Record<string, Interval>
  gap: number | null
  flagged: boolean
  /** The champion's slice metric for the same group, when its run is here. */
  champion: number | null
}

export interface SliceTable {
  title: string
  column: string
  /** The metric the groups are compared on, and the margin that flags one. */
  metric: string
  margin: number
  minRows: number
  whole: number | null
  groups: SliceRow[]
}

export interface PerClassRow extends ClassReport {
  class: string
  rocAuc: number | null
  averagePrecision: number | null
}

interface DataCheckRow {
  check: string
  passed: boolean
  severity: string
  summary: string
}

export interface EvaluationReport {
  format: typeof REPORT_FORMAT
  model: string
  task: Task
  evaluatedAt: string
  run: RunIdentity
  testRows: number
  headline: HeadlineRow[]
  baseline: { description: string }
  champion: ChampionInfo
  gates: GateVerdict[]
  /** What a reader must see first: failed gates, flagged slices, failing behaviour checks, failed data checks. */
  flags: string[]
  /** Things that limit the comparison or the report (no champion, no data copy). */
  notes: string[]
  classes: string[] | null
  confusion: { counts: number[][]; normalised: number[][] } | null
  perClass: PerClassRow[] | null
  ece: number | null
  slices: SliceTable[]
  /** null when the model folder declares no behaviour checks. */
  behaviour: BehaviourCheckResult[] | null
  dataChecks: DataCheckRow[] | null
  figures: Figure[]
  definitions: Record<string, string>
  bootstrap: { resamples: number; seed: number; level: number }
}
