// The bundle benchmark's report: per command the medians and spread, the ratios of each pair of rounds,
// the targets, and where sagepack's time went (its phases), as text and as JSON.
import type { BundlePhaseTime } from './bundle-output'
import type { Floor } from './compute-floors'
import { median, type Timing } from './timed-command'

export interface CommandResult {
  name: string
  rounds: Timing[]
  /** The archive's size (the same every round, or the benchmark has failed already). */
  bytes: number
}

export interface BundleBenchResult {
  weightsMiB: number
  cores: number
  loadBefore: number[]
  loadAfter: number[]
  cold: CommandResult
  gzip: CommandResult
  pigz: CommandResult
  cacheHit: CommandResult
  /** sagepack's phases, one list per cold round. */
  phases: BundlePhaseTime[][]
  /** The floors under those phases, measured in each round on the same weights and cores. */
  floors: Floor[][]
}

/** The targets of issue 11: cold, against the peers on the same cores. */
const TARGETS = { overGzip: 3, overPigz: 1.5, sizeVsGzip: 1.01, peakRssMiB: 200 } as const

const wall = (result: CommandResult) => median(result.rounds.map((r) => r.wallSeconds))
const cpu = (result: CommandResult) => median(result.rounds.map((r) => r.cpuSeconds))
const peak = (result: CommandResult) => Math.max(...result.rounds.map((r) => r.peakRssMiB))

/** Round by round: peer wall time over sagepack's in the same round. */
function pairedRatios(ours: CommandResult, peer: CommandResult): number[] {
  return ours.rounds.map((round, i) => (peer.rounds[i]?.wallSeconds ?? Number.NaN) / round.wallSeconds)
}

export function speedups(result: BundleBenchResult) {
  return {
    overGzip: wall(result.gzip) / wall(result.cold),
    overPigz: wall(result.pigz) / wall(result.cold),
    sizeVsGzip: result.cold.bytes / result.gzip.bytes,
    peakRssMiB: peak(result.cold),
  }
}

export function reportLines(result: BundleBenchResult): string[] {
  const { cold, gzip, pigz, cacheHit } = result
  const rounds = cold.rounds.length
  const header = `${'command'.padEnd(28)} ${'wall s'.padStart(7)} ${'min-max'.padStart(13)} ${'cpu s'.padStart(7)} ${'vs tar -czf'.padStart(11)} ${'archive MiB'.padStart(11)} ${'vs gzip'.padStart(8)} ${'peak RSS MiB'.padStart(12)}`
  const row = (r: CommandResult) => {
    const walls = r.rounds.map((t) => t.wallSeconds)
    const spread = `${Math.min(...walls).toFixed(1)}-${Math.max(...walls).toFixed(1)}`
    return `${r.name.padEnd(28)} ${wall(r).toFixed(2).padStart(7)} ${spread.padStart(13)} ${cpu(r).toFixed(2).padStart(7)} ${`${(wall(gzip) / wall(r)).toFixed(2)}x`.padStart(11)} ${(r.bytes / 2 ** 20).toFixed(1).padStart(11)} ${`${((r.bytes / gzip.bytes) * 100).toFixed(1)}%`.padStart(8)} ${peak(r).toFixed(0).padStart(12)}`
  }
  const s = speedups(result)
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  const ratios = (peer: CommandResult) =>
    pairedRatios(cold, peer)
      .map((x) => `${x.toFixed(2)}x`)
      .join(', ')
  return [
    '',
    `bundle benchmark: ${result.weightsMiB} MiB of float32 weights, ${rounds} interleaved rounds, ${result.cores} cores shared by every command; whole processes (node + tsx start-up included for sagepack)`,
    `load average before ${result.loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${result.loadAfter.map((x) => x.toFixed(1)).join(' ')}`,
    header,
    ...[cold, gzip, pigz, cacheHit].map(row),
    '',
    `cold sagepack bundle vs tar -czf: ${s.overGzip.toFixed(2)}x (rounds: ${ratios(gzip)}; cpu ${(cpu(gzip) / cpu(cold)).toFixed(2)}x) target >= ${TARGETS.overGzip}x: ${verdict(s.overGzip >= TARGETS.overGzip)}`,
    `cold sagepack bundle vs tar | pigz -6: ${s.overPigz.toFixed(2)}x (rounds: ${ratios(pigz)}; cpu ${(cpu(pigz) / cpu(cold)).toFixed(2)}x) target >= ${TARGETS.overPigz}x: ${verdict(s.overPigz >= TARGETS.overPigz)}`,
    `archive size vs tar -czf: ${(s.sizeVsGzip * 100).toFixed(2)}% (target <= ${TARGETS.sizeVsGzip * 100}%): ${verdict(s.sizeVsGzip <= TARGETS.sizeVsGzip)}`,
    `peak RSS of a cold sagepack bundle: ${s.peakRssMiB.toFixed(0)} MiB (target < ${TARGETS.peakRssMiB} MiB): ${verdict(s.peakRssMiB < TARGETS.peakRssMiB)}`,
    '',
    ...phaseLines(result),
    '',
    ...floorLines(result),
  ]
}

/** The floors' medians, and what three hash passes, a deflate and an inflate add up to. */
function floorLines(result: BundleBenchResult): string[] {
  const names = result.floors[0]?.map((f) => f.name) ?? []
  const medianOf = (name: string, field: 'wallSeconds' | 'cpuSeconds') =>
    median(result.floors.map((round) => round.find((f) => f.name === name)?.[field] ?? Number.NaN))
  const lines = names.map(
    (name) =>
      `  ${name.padEnd(22)} ${medianOf(name, 'wallSeconds').toFixed(2).padStart(7)} s wall ${medianOf(name, 'cpuSeconds').toFixed(2).padStart(7)} s cpu`,
  )
  const [hash, deflate, inflate] = names
  const sum = (field: 'wallSeconds' | 'cpuSeconds') =>
    hash && deflate && inflate
      ? 3 * medianOf(hash, field) + medianOf(deflate, field) + medianOf(inflate, field)
      : Number.NaN
  return [
    `floors on the same weights and cores (medians; zlib's Huffman-only coder and inflate, a 2 MiB member per core in flight):`,
    ...lines,
    `  ${'sha256 x3 + the others'.padEnd(22)} ${sum('wallSeconds').toFixed(2).padStart(7)} s wall ${sum('cpuSeconds').toFixed(2).padStart(7)} s cpu  (a cold bundle's work with zlib's coder: hash weights, archive and read-back; no tar, manifest or start-up)`,
  ]
}

/** Medians of each phase over the cold rounds, and what the phases leave out of the whole process. */
function phaseLines(result: BundleBenchResult): string[] {
  const names = [...new Set(result.phases.flat().map((p) => p.phase))]
  const of = (name: string) =>
    result.phases.map((round) => round.find((p) => p.phase === name)).filter((p) => p !== undefined)
  const lines = names.map((name) => {
    const times = of(name)
    const during = times[0]?.during
    const cpuTimes = times.flatMap((p) => (p.cpuSeconds === undefined ? [] : [p.cpuSeconds]))
    const cpuText = cpuTimes.length > 0 ? `${median(cpuTimes).toFixed(2).padStart(7)} s cpu` : ''.padStart(13)
    return `  ${name.padEnd(22)} ${median(times.map((p) => p.wallSeconds))
      .toFixed(2)
      .padStart(7)} s wall ${cpuText}${during ? `  (alongside ${during}, not added)` : ''}`
  })
  // The process's start (node, tsx, loading the CLI), the git state, the cache record and the rename.
  const rest = result.cold.rounds.map((round, i) => {
    const counted = (result.phases[i] ?? []).filter((p) => p.during === undefined)
    return round.wallSeconds - counted.reduce((sum, p) => sum + p.wallSeconds, 0)
  })
  return [
    'where a cold sagepack bundle spends its time (medians over the rounds):',
    ...lines,
    `  ${'start-up and the rest'.padEnd(22)} ${median(rest).toFixed(2).padStart(7)} s wall`,
  ]
}
