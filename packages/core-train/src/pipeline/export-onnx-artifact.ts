// After training: export the model to model.onnx for serving, and keep it only if onnxruntime gives
// the same predictions as tfjs on every test-split row. A layer the exporter does not support, or a
// parity miss, leaves the tfjs format (model.json + weights.bin) as the servable weights.
import { join } from 'node:path'
import { isUserError, writeFileAtomic } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import type { Logger } from '../logging/create-logger'
import { checkOnnxParity } from '../onnx-export/check-onnx-parity'
import { exportOnnx } from '../onnx-export/export-onnx'

export const ONNX_FILE = 'model.onnx'
/**
 * The largest difference between onnxruntime and tfjs outputs that still counts as the same model:
 * absolute for outputs within ±1, relative to the output beyond (see OnnxParity.maxScaledDiff).
 */
export const ONNX_PARITY_TOLERANCE = 1e-5

export interface OnnxExportReport {
  exported: boolean
  /** Max |onnxruntime - tfjs| over every output of every checked row. */
  maxAbsDiff: number | null
  /** Max |onnxruntime - tfjs| / max(1, |tfjs|): what the tolerance is compared with. */
  maxScaledDiff: number | null
  rows: number
  reason?: string
}

export async function exportOnnxArtifact(
  model: tf.LayersModel,
  parityRows: { features: Float32Array; rows: number },
  modelDir: string,
  log: Logger,
): Promise<OnnxExportReport> {
  let bytes: Uint8Array
  try {
    bytes = exportOnnx(model)
  } catch (error) {
    if (!isUserError(error)) throw error
    log.warn(`no ONNX export, serving will use the tfjs format: ${error.message}`)
    return { exported: false, maxAbsDiff: null, maxScaledDiff: null, rows: 0, reason: error.message }
  }
  const parity = await checkOnnxParity(bytes, model, parityRows.features, parityRows.rows)
  const { maxAbsDiff, maxScaledDiff, rows } = parity
  if (!(maxScaledDiff <= ONNX_PARITY_TOLERANCE)) {
    const reason = `onnxruntime and tfjs differ by ${maxAbsDiff} (scaled by the output: ${maxScaledDiff} > ${ONNX_PARITY_TOLERANCE}) on ${rows} test rows`
    log.warn(`ONNX export dropped, serving will use the tfjs format: ${reason}`)
    return { exported: false, maxAbsDiff, maxScaledDiff, rows, reason }
  }
  await writeFileAtomic(join(modelDir, ONNX_FILE), Buffer.from(bytes))
  log.info(
    `exported ${ONNX_FILE}: onnxruntime matches tfjs within ${maxAbsDiff.toExponential(2)} (scaled by the output: ${maxScaledDiff.toExponential(2)}) on ${rows} test rows`,
  )
  return { exported: true, maxAbsDiff, maxScaledDiff, rows }
}
