// After training: export the model to model.onnx (and model.onnx.data for big weights, see
// external-data.ts) for serving, and keep it only if onnxruntime gives the same predictions as tfjs
// on every test-split row. A layer the exporter does not support, or a parity miss, leaves the tfjs
// format (model.json + weights.bin) as the servable weights.
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import type { Logger } from '../logging/create-logger'
import { checkOnnxParity } from '../onnx-export/check-onnx-parity'
import { exportOnnxModel, type OnnxModelFiles } from '../onnx-export/export-onnx'
import { ONNX_EXTERNAL_DATA_FILE } from '../onnx-export/external-data'
import { ONNX_MODEL_FILE, writeOnnxFiles } from '../onnx-export/write-onnx-files'

export const ONNX_FILE = ONNX_MODEL_FILE
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
  /** The external data file the weights were written to (model.onnx.data); absent when model.onnx holds them. */
  externalData?: string
}

export interface ExportOnnxArtifactOptions {
  /** Weights of more bytes than this go to model.onnx.data; EXTERNAL_DATA_ABOVE_BYTES by default. */
  externalDataAboveBytes?: number
}

export async function exportOnnxArtifact(
  model: tf.LayersModel,
  parityRows: { features: Float32Array; rows: number },
  modelDir: string,
  log: Logger,
  options: ExportOnnxArtifactOptions = {},
): Promise<OnnxExportReport> {
  let files: OnnxModelFiles
  try {
    files = exportOnnxModel(model, options)
  } catch (error) {
    if (!isUserError(error)) throw error
    log.warn(`no ONNX export, serving will use the tfjs format: ${error.message}`)
    return { exported: false, maxAbsDiff: null, maxScaledDiff: null, rows: 0, reason: error.message }
  }
  // Staged beside the model folder's files and checked from there, as the runtime will load them: the
  // external data is found relative to model.onnx's path. Only a checked export is moved into place.
  const staging = await mkdtemp(join(modelDir, '.onnx-export-'))
  try {
    const written = await writeOnnxFiles(staging, files)
    const parity = await checkOnnxParity(
      join(staging, ONNX_FILE),
      model,
      parityRows.features,
      parityRows.rows,
    )
    const { maxAbsDiff, maxScaledDiff, rows } = parity
    if (!(maxScaledDiff <= ONNX_PARITY_TOLERANCE)) {
      const reason = `onnxruntime and tfjs differ by ${maxAbsDiff} (scaled by the output: ${maxScaledDiff} > ${ONNX_PARITY_TOLERANCE}) on ${rows} test rows`
      log.warn(`ONNX export dropped, serving will use the tfjs format: ${reason}`)
      return { exported: false, maxAbsDiff, maxScaledDiff, rows, reason }
    }
    // The data file first: model.onnx never names a data file that is not in place.
    if (!files.externalData) await rm(join(modelDir, ONNX_EXTERNAL_DATA_FILE), { force: true })
    for (const name of written.reverse()) await rename(join(staging, name), join(modelDir, name))
    const external = files.externalData
    log.info(
      `exported ${ONNX_FILE}${external ? ` with its ${(external.size / 2 ** 20).toFixed(1)} MiB of weights in ${external.location}` : ''}: onnxruntime matches tfjs within ${maxAbsDiff.toExponential(2)} (scaled by the output: ${maxScaledDiff.toExponential(2)}) on ${rows} test rows`,
    )
    return {
      exported: true,
      maxAbsDiff,
      maxScaledDiff,
      rows,
      ...(external ? { externalData: external.location } : {}),
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
