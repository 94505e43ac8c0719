// The serve benchmark's results: the plain-text table printed to stdout and the JSON written beside it.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { BenchCase } from './bench-cases'
import type { BenchSettings } from './bench-settings'
import type { ComputeFloor } from './compute-floor'
import type { ComputeHeavyResult } from './compute-heavy-case'
import { checkComputeHeavy, formatComputeHeavy } from './compute-heavy-report'
import type { LoadResult } from './load-run'
import type { StageMedians } from './server-timing-medians'
import { formatStages } from './stage-report'

export interface CaseResult {
  case: BenchCase
  /** Medians over the repeats. */
  sagepack: LoadResult
  floor: LoadResult
  /** The thread-hop floor: the HTTP floor answering from a worker thread, no model. */
  hopFloor: LoadResult
  /** The model floor: the hop floor's thread also runs the model and encodes the answer (model-floor.ts). */
  modelFloor: LoadResult
  sagepackRuns: LoadResult[]
  floorRuns: LoadResult[]
  hopFloorRuns: LoadResult[]
  modelFloorRuns: LoadResult[]
  /** sagepack's Server-Timing medians over every answer of a 2 s run after its measured runs. */
  sagepackStages: StageMedians
}

export interface ServeBenchReport {
  startedAt: string
  node: string
  cpus: number
  cpuModel: string
  settings: BenchSettings
  runId: string
  requestFormat: 'application/json'
  /** Sizes of one request body and of sagepack's answer to it (the floor's canned answer), per batch. */
  sizes: Array<{ rows: number; requestBytes: number; answerBytes: number }>
  cases: CaseResult[]
  compute: ComputeFloor[]
  computeHeavy: ComputeHeavyResult
}

export async function writeReportJson(path: string, report: ServeBenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const targets = report.cases.map((result) => ({
    ...checkTargets(result, report.compute),
    case: label(result.case),
  }))
  const computeHeavyTargets = checkComputeHeavy(report.computeHeavy)
  await writeFile(path, `${JSON.stringify({ ...report, targets, computeHeavyTargets }, null, 2)}\n`)
}

interface TargetCheck {
  /** sagepack's req/s over the thread-hop floor's. */
  hopFloorShare: number
  /** sagepack's req/s over the HTTP floor's, as reported before the hop floor was the target. */
  throughputShare: number
  /** The runtime's own time at p50: sagepack less the thread-hop floor and the bare model's p50, in us. */
  ownUs: number
  /** The model floor's req/s over the hop floor's: the most a server that runs this model can reach. */
  modelFloorShare: number
  /** sagepack's req/s over the model floor's: what the runtime's own work leaves of it. */
  modelFloorRatio: number
  hopFloorOk?: boolean
  p99Ok?: boolean
  ownOk?: boolean
}

function checkTargets(result: CaseResult, compute: readonly ComputeFloor[]): TargetCheck {
  const { case: benchCase, sagepack, floor, hopFloor } = result
  const { minHopFloorShare, maxP99Ms, maxOwnUs } = benchCase.target
  const hopFloorShare = sagepack.requestsPerS / hopFloor.requestsPerS
  const modelMs = (compute.find((c) => c.rows === benchCase.rows)?.ort.p50Us ?? 0) / 1000
  const ownUs = (sagepack.p50Ms - hopFloor.p50Ms - modelMs) * 1000
  return {
    hopFloorShare,
    throughputShare: sagepack.requestsPerS / floor.requestsPerS,
    ownUs,
    modelFloorShare: result.modelFloor.requestsPerS / hopFloor.requestsPerS,
    modelFloorRatio: sagepack.requestsPerS / result.modelFloor.requestsPerS,
    ...(minHopFloorShare === undefined ? {} : { hopFloorOk: hopFloorShare >= minHopFloorShare }),
    ...(maxP99Ms === undefined ? {} : { p99Ok: sagepack.p99Ms < maxP99Ms }),
    ...(maxOwnUs === undefined ? {} : { ownOk: ownUs < maxOwnUs }),
  }
}

export function formatReport(report: ServeBenchReport): string {
  const { settings } = report
  const lines: string[] = [
    `sagepack serve benchmark: iris (run ${report.runId}), POST /invocations, ${report.requestFormat} in and out`,
    `  node ${report.node}, ${report.cpus} CPUs (${report.cpuModel}); sagepack serve with ${settings.workers} worker threads`,
    `  autocannon in this process, pipelining 1; ${settings.durationS} s measured after ${settings.warmupS} s warm-up,`,
    `  ${settings.repeats} run(s) per target and case, interleaved sagepack/floors; medians shown`,
    '  NOTE: the load generator shares the CPUs with the server under test; both targets pay that alike',
    `  HTTP floor: bare node:http process, reads the body, answers sagepack's own answer of the batch size`,
    '  thread-hop floor: the HTTP floor, but one worker thread parses each body and sends the answer back',
    '    (no model): the most any server that keeps predictions off the event loop can reach',
    '  model floor: the hop floor, but its thread also runs the model (one onnxruntime call for all the',
    '    requests queued, as sagepack batches) and JSON.stringify-s the same predictions; no request',
    '    schema, warnings, timings or fault isolation: the least work these answers take',
    `  bodies: ${report.sizes.map((s) => `b=${s.rows} ${s.requestBytes} B in / ${s.answerBytes} B out`).join(', ')}`,
    '  targets: req/s against the thread-hop floor (the issue replaced the HTTP-floor ratio with it);',
    "  the runtime's own time = sagepack p50 - hop floor p50 - bare model p50 (see the compute floor)",
    '',
    row(['case', 'target', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'target check']),
  ]
  for (const result of report.cases) {
    const { sagepack, floor, hopFloor } = result
    const check = checkTargets(result, report.compute)
    const { minHopFloorShare, maxP99Ms, maxOwnUs } = result.case.target
    const notes = [
      minHopFloorShare === undefined
        ? undefined
        : `req/s >= ${minHopFloorShare.toFixed(2)}x hop floor: ${check.hopFloorShare.toFixed(2)}x ${verdict(check.hopFloorOk)}` +
          (check.hopFloorOk || check.modelFloorShare >= minHopFloorShare
            ? ''
            : ` (the model floor itself reaches ${check.modelFloorShare.toFixed(2)}x)`),
      maxP99Ms === undefined ? undefined : `p99 < ${maxP99Ms} ms: ${verdict(check.p99Ok)}`,
      maxOwnUs === undefined
        ? undefined
        : `own time < ${maxOwnUs} us: ${check.ownUs.toFixed(1)} us ${verdict(check.ownOk)}`,
    ].filter((note): note is string => note !== undefined)
    lines.push(
      row([label(result.case), 'sagepack', ...loadFigures(sagepack), notes[0] ?? '']),
      row(['', 'HTTP floor', ...loadFigures(floor), notes[1] ?? '']),
      row(['', 'thread-hop floor', ...loadFigures(hopFloor), notes[2] ?? '']),
      row(['', 'model floor', ...loadFigures(result.modelFloor)]),
      ratioRow('sagepack/hop floor', sagepack, hopFloor),
      ratioRow('sagepack/model', sagepack, result.modelFloor),
      ratioRow('model/hop floor', result.modelFloor, hopFloor),
      ratioRow('sagepack/floor', sagepack, floor),
      ratioRow('hop floor/floor', hopFloor, floor),
    )
  }

  lines.push(
    '',
    'compute floor: onnxruntime-node session.run in a bare loop (intraOp 1, interOp 1, sequential),',
    '  vs tfjs cpu model.predict + dataSync on the same inputs (tfjs/ORT = ratio of means); tensor creation',
    '  included; run in this process after the servers stopped',
    computeRow([
      'rows',
      'ORT p50 us',
      'ORT mean us',
      'ORT p99 us',
      'tfjs p50 us',
      'tfjs mean us',
      'tfjs/ORT',
    ]),
  )
  for (const floor of report.compute) {
    lines.push(
      computeRow([
        String(floor.rows),
        us(floor.ort.p50Us),
        us(floor.ort.meanUs),
        us(floor.ort.p99Us),
        us(floor.tfjs.p50Us),
        us(floor.tfjs.meanUs),
        `${(floor.tfjs.meanUs / floor.ort.meanUs).toFixed(1)}x`,
      ]),
    )
  }
  const diff = Math.max(...report.compute.map((floor) => floor.maxAbsDiff))
  lines.push(`  ONNX and tfjs outputs agree within ${diff.toExponential(1)}`)

  lines.push(
    '',
    'where the time goes at c=1 (p50): sagepack = HTTP floor + thread hop (hop floor - HTTP floor)',
    '  + model (ORT p50) + the rest of the runtime (JSON decode, preprocess, postprocess, encode, routing)',
  )
  for (const result of report.cases.filter((r) => r.case.connections === 1)) {
    const model = (report.compute.find((floor) => floor.rows === result.case.rows)?.ort.p50Us ?? 0) / 1000
    const hop = result.hopFloor.p50Ms - result.floor.p50Ms
    const rest = result.sagepack.p50Ms - result.hopFloor.p50Ms - model
    lines.push(
      `  b=${result.case.rows}: ${ms(result.sagepack.p50Ms)} ms = ${ms(result.floor.p50Ms)} + ${ms(hop)} + ` +
        `${ms(model)} + ${ms(rest)} ms`,
    )
  }
  lines.push(
    '',
    "sagepack's own account (Server-Timing medians, ms, over every answer of a 2 s run of its own after",
    '  the measured runs: collecting headers costs the load generator CPU; queue: waiting for a worker',
    '  and for its batch; hop: the messages between the threads; routing: the main thread outside the',
    '  body read and the round trip; own: decode + validate + preprocess + postprocess + encode + routing)',
  )
  for (const result of report.cases) lines.push(...formatStages(label(result.case), result.sagepackStages))
  lines.push(...formatComputeHeavy(report.computeHeavy))
  return `${lines.join('\n')}\n`
}

function ratioRow(name: string, measured: LoadResult, floor: LoadResult): string {
  return row([
    '',
    name,
    `${(measured.requestsPerS / floor.requestsPerS).toFixed(2)}x`,
    `${(measured.p50Ms / floor.p50Ms).toFixed(2)}x`,
    `${(measured.p99Ms / floor.p99Ms).toFixed(2)}x`,
    `${(measured.meanMs / floor.meanMs).toFixed(2)}x`,
  ])
}

function loadFigures(result: LoadResult): string[] {
  return [
    Math.round(result.requestsPerS).toLocaleString('en-US'),
    ms(result.p50Ms),
    ms(result.p99Ms),
    ms(result.meanMs),
  ]
}

function label(benchCase: BenchCase): string {
  return `b=${benchCase.rows} c=${benchCase.connections}`
}

function verdict(ok: boolean | undefined): string {
  return ok ? 'ok' : 'MISSED'
}

function ms(value: number): string {
  return value.toFixed(3)
}

function us(value: number): string {
  return value.toFixed(1)
}

/** A load-table line: case and target left-aligned, four figures right-aligned, then the target check. */
function row(cells: string[]): string {
  const [first = '', second = '', a = '', b = '', c = '', d = '', notes = ''] = cells
  const figures = [a, b, c, d].map((cell) => cell.padStart(9)).join(' ')
  return `${first.padEnd(12)}${second.padEnd(17)}${figures}   ${notes}`.trimEnd()
}

/** A compute-table line: the row count, then figures right-aligned. */
function computeRow(cells: string[]): string {
  const [first = '', ...figures] = cells
  return `${first.padEnd(6)}${figures.map((cell) => cell.padStart(13)).join(' ')}`
}
