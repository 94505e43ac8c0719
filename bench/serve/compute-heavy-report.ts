// The batching case's part of the serve benchmark's report: rows/s and latency with batching on and
// off, the targets met or missed with their ratios, the bare model cost that makes the case
// compute-bound, and where a request's time went on each side (Server-Timing medians).

import { MIN_ONE_ROW_MS } from './compute-heavy-bundle'
import { type ComputeHeavyResult, HEAVY_TARGET } from './compute-heavy-case'
import { formatStages } from './stage-report'

export interface ComputeHeavyCheck {
  rowsShare: number
  p99Share: number
  oneRowMs: number
  rowsOk: boolean
  p99Ok: boolean
  /** Whether the model is as heavy as the case needs (a bare one-row predict of at least 0.3 ms). */
  heavyEnough: boolean
}

export function checkComputeHeavy(result: ComputeHeavyResult): ComputeHeavyCheck {
  const rowsShare = result.on.requestsPerS / result.off.requestsPerS
  const p99Share = result.on.p99Ms / result.off.p99Ms
  const oneRowMs = result.ort.oneRow.p50Us / 1000
  return {
    rowsShare,
    p99Share,
    oneRowMs,
    rowsOk: rowsShare >= HEAVY_TARGET.minRowsShare,
    p99Ok: p99Share <= HEAVY_TARGET.maxP99Share,
    heavyEnough: oneRowMs >= MIN_ONE_ROW_MS,
  }
}

export function formatComputeHeavy(result: ComputeHeavyResult): string[] {
  const check = checkComputeHeavy(result)
  const { oneRow, batch } = result.ort
  const figures = (name: string, load: ComputeHeavyResult['on']) =>
    `  ${name.padEnd(14)}${Math.round(load.requestsPerS).toLocaleString('en-US').padStart(9)} rows/s` +
    `   p50 ${load.p50Ms.toFixed(3)} ms   p99 ${load.p99Ms.toFixed(3)} ms   mean ${load.meanMs.toFixed(3)} ms`
  return [
    '',
    `adaptive batching where compute dominates: iris as 4 -> ${result.hiddenUnits.join(' -> ')} -> 3, ` +
      `${result.connections} connections, one row per request`,
    `  bare onnxruntime (intraOp 1): 1 row p50 ${(oneRow.p50Us / 1000).toFixed(3)} ms ` +
      `(needs >= ${MIN_ONE_ROW_MS} ms: ${check.heavyEnough ? 'ok' : 'MISSED, the model is too light here'}), ` +
      `${batch.rows} rows p50 ${(batch.p50Us / 1000).toFixed(3)} ms ` +
      `(${(batch.p50Us / batch.rows / oneRow.p50Us).toFixed(2)}x a row's cost per row)`,
    `  on: ${result.modes.on}; off: ${result.modes.off}`,
    figures('batching on', result.on),
    figures('batching off', result.off),
    `  rows/s on/off ${check.rowsShare.toFixed(2)}x (target >= ${HEAVY_TARGET.minRowsShare}x): ${verdict(check.rowsOk)}`,
    `  p99 on/off ${check.p99Share.toFixed(2)}x (target <= ${HEAVY_TARGET.maxP99Share}x): ${verdict(check.p99Ok)}`,
    '  Server-Timing medians, ms:',
    ...formatStages('on', result.onStages),
    ...formatStages('off', result.offStages),
  ]
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED'
}
