// The big-model bench's targets (issue 15) and its report: each target met or missed, with the ratio
// of the measured value to the target's limit.
import type { MemorySample } from './process-memory'

export type WeightsMode = 'shared' | 'private'

export interface BigModelRun {
  /** `default` (the runtime's own rule) or the SAGEMAKER_MODEL_SERVER_WORKERS value. */
  workers: string
  mode: WeightsMode
  /** The runtime's start-up line saying what it chose. */
  plan: string
  /** What the runtime printed as its time to the first /ping 200. */
  printedStart: string
  /** Seconds from spawning the process to the first /ping 200, measured from outside. */
  startS: number
  requestsPerS: number
  p50Ms: number
  p99Ms: number
  /** The first answer, to compare the designs' predictions. */
  answer: string
  peak: MemorySample
  /** Right after loading, before any request. */
  loaded: MemorySample
  /** After the load run, idle. */
  steady: MemorySample
}

export interface BigModelReport {
  weightsBytes: number
  durationS: number
  connections: number
  runs: BigModelRun[]
}

const GiB = 2 ** 30

const BIG_MODEL_TARGETS = {
  maxPrivateBytes: 0.5 * GiB,
  maxFootprintBytes: 1.6 * GiB,
  maxStartS: 5,
  /** Throughput at least this share of the prepacked one-copy-per-worker design's. */
  minThroughputShare: 0.8,
} as const

interface TargetVerdict {
  name: string
  value: string
  limit: string
  /** value / limit (for the throughput target: share / minimum share). */
  ratio: number
  met: boolean
}

function bigModelVerdicts(report: BigModelReport): TargetVerdict[] {
  const verdicts: TargetVerdict[] = []
  const t = BIG_MODEL_TARGETS
  for (const run of report.runs.filter((r) => r.mode === 'shared')) {
    const at = `${run.workers} workers`
    const below = (name: string, value: number, limit: number, unit: (v: number) => string) =>
      verdicts.push({
        name: `${at}: ${name}`,
        value: unit(value),
        limit: `< ${unit(limit)}`,
        ratio: value / limit,
        met: value < limit,
      })
    below('private memory (RssAnon) peak', run.peak.rssAnonBytes, t.maxPrivateBytes, gib)
    below('private memory (RssAnon) steady', run.steady.rssAnonBytes, t.maxPrivateBytes, gib)
    below('footprint (Pss) peak', run.peak.pssBytes, t.maxFootprintBytes, gib)
    below('footprint (Pss) steady', run.steady.pssBytes, t.maxFootprintBytes, gib)
    below('start to first /ping 200', run.startS, t.maxStartS, (s) => `${s.toFixed(2)} s`)
    const old = report.runs.find((r) => r.mode === 'private' && r.workers === run.workers)
    if (old) {
      const share = run.requestsPerS / old.requestsPerS
      verdicts.push({
        name: `${at}: predict throughput vs prepacked per worker`,
        value: `${run.requestsPerS.toFixed(1)} / ${old.requestsPerS.toFixed(1)} req/s = ${share.toFixed(2)}x`,
        limit: `>= ${t.minThroughputShare}x`,
        ratio: share / t.minThroughputShare,
        met: share >= t.minThroughputShare,
      })
    }
  }
  return verdicts
}

export function formatBigModelReport(report: BigModelReport): string {
  const lines = [
    `\nbig model: ${gib(report.weightsBytes)} of weights in model.onnx.data, one-row requests, ` +
      `${report.connections} connections, ${report.durationS} s`,
    '',
    'workers  weights  start s  req/s   p50 ms  p99 ms  RssAnon peak/steady  Pss peak/steady  RssFile peak',
  ]
  for (const run of report.runs) {
    lines.push(
      [
        run.workers.padEnd(8),
        run.mode.padEnd(8),
        run.startS.toFixed(2).padStart(7),
        run.requestsPerS.toFixed(1).padStart(6),
        run.p50Ms.toFixed(1).padStart(7),
        run.p99Ms.toFixed(1).padStart(7),
        `${gib(run.peak.rssAnonBytes)} / ${gib(run.steady.rssAnonBytes)}`.padStart(20),
        `${gib(run.peak.pssBytes)} / ${gib(run.steady.pssBytes)}`.padStart(16),
        gib(run.peak.rssFileBytes).padStart(12),
      ].join('  '),
    )
  }
  for (const run of report.runs) lines.push(`  ${run.workers}/${run.mode}: ${run.plan}`)
  lines.push('', 'targets:')
  for (const v of bigModelVerdicts(report)) {
    lines.push(
      `  ${v.met ? 'met   ' : 'MISSED'} ${v.name}: ${v.value} (target ${v.limit}, ratio ${v.ratio.toFixed(2)})`,
    )
  }
  return `${lines.join('\n')}\n`
}

function gib(bytes: number): string {
  return `${(bytes / GiB).toFixed(2)} GiB`
}
