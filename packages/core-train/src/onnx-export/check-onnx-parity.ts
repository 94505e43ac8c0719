// Runs exported ONNX bytes with onnxruntime-node and the tfjs model on the same rows and reports the
// largest difference: the evidence that model.onnx computes what was trained.
import { UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import type * as Ort from 'onnxruntime-node'
import { importWithNode, tryImport } from '../backend/import-package'

export interface OnnxParity {
  /** Largest |onnx - tfjs| over every output of every row; Infinity where only one side is NaN. */
  maxAbsDiff: number
  /**
   * Largest |onnx - tfjs| / max(1, |tfjs|): the absolute difference for outputs within ±1
   * (probabilities), the relative one beyond. float32 keeps ~7 significant digits, so a regression
   * output of 46 mpg or 250000 dollars differs in its last bits by more than any fixed absolute bound.
   */
  maxScaledDiff: number
  rows: number
}

/**
 * `onnxModel` is the model's bytes, or the path of its model.onnx (which a model with external data
 * needs: onnxruntime finds model.onnx.data beside it). `features` holds `rows` rows of the model's
 * input width, row after row.
 */
export async function checkOnnxParity(
  onnxModel: Uint8Array | string,
  model: tf.LayersModel,
  features: Float32Array,
  rows: number,
): Promise<OnnxParity> {
  if (!Number.isInteger(rows) || rows < 1 || features.length % rows !== 0) {
    throw new UserError({
      input: `checkOnnxParity rows=${rows}`,
      problem: `does not divide the ${features.length} feature values into rows`,
      expected: 'a positive row count that divides features.length',
    })
  }
  const width = features.length / rows
  const expected = tfjsOutputs(model, features, rows, width)
  const actual = await onnxOutputs(onnxModel, features, rows, width)
  if (actual.length !== expected.length) {
    throw new Error(`onnx gave ${actual.length} outputs for ${rows} rows, tfjs ${expected.length}`)
  }
  return { ...compareOutputs(expected, actual), rows }
}

/** The largest absolute and scaled differences of `actual` (onnxruntime) from `expected` (tfjs). */
export function compareOutputs(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
): { maxAbsDiff: number; maxScaledDiff: number } {
  let maxAbsDiff = 0
  let maxScaledDiff = 0
  for (let i = 0; i < expected.length; i++) {
    const reference = expected[i] ?? 0
    const diff = absDiff(actual[i] ?? 0, reference)
    maxAbsDiff = Math.max(maxAbsDiff, diff)
    const scale = Number.isFinite(reference) ? Math.max(1, Math.abs(reference)) : 1
    maxScaledDiff = Math.max(maxScaledDiff, diff / scale)
  }
  return { maxAbsDiff, maxScaledDiff }
}

function tfjsOutputs(
  model: tf.LayersModel,
  features: Float32Array,
  rows: number,
  width: number,
): Float32Array {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor2d(features, [rows, width]))
    if (Array.isArray(output))
      throw new Error(`model "${model.name}" has ${output.length} outputs, expected one`)
    return output.dataSync() as Float32Array
  })
}

async function onnxOutputs(
  onnxModel: Uint8Array | string,
  features: Float32Array,
  rows: number,
  width: number,
) {
  const ort = await importOnnxRuntime()
  const session =
    typeof onnxModel === 'string'
      ? await ort.InferenceSession.create(onnxModel)
      : await ort.InferenceSession.create(onnxModel)
  try {
    const [inputName] = session.inputNames
    const [outputName] = session.outputNames
    if (!inputName || !outputName) throw new Error('the ONNX model has no input or no output')
    const results = await session.run({ [inputName]: new ort.Tensor('float32', features, [rows, width]) })
    const output = results[outputName]
    if (output?.type !== 'float32')
      throw new Error(`ONNX output "${outputName}" is ${output?.type}, expected float32`)
    return output.data as Float32Array
  } finally {
    await session.release()
  }
}

/**
 * onnxruntime-node is a native package the runtime image need not carry, so it is imported only
 * when a parity check runs, and its absence is reported as something the user can fix.
 */
async function importOnnxRuntime(): Promise<typeof Ort> {
  const imported = await tryImport('onnxruntime-node', importWithNode)
  if (imported.ok) return imported.module as typeof Ort
  throw new UserError({
    input: 'onnxruntime-node',
    problem: imported.notInstalled ? 'is not installed' : `failed to load: ${imported.message}`,
    expected: 'onnxruntime-node installed beside @sagepack/core-train to check an ONNX export',
    fix: 'pnpm add onnxruntime-node',
  })
}

function absDiff(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b))
    return Number.isNaN(a) && Number.isNaN(b) ? 0 : Number.POSITIVE_INFINITY
  return Math.abs(a - b)
}
