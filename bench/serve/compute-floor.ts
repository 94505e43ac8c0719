// The compute floor: onnxruntime-node session.run in a bare loop on the run's model.onnx, with the
// single-threaded session options the runtime uses, and tfjs-cpu's predict + dataSync on the same
// inputs for the ONNX-vs-tfjs ratio; each in microseconds per call, tensor creation included.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { featureMatrix, irisRows, type StandardizedColumn } from './iris-inputs'
import { medianOf } from './medians'

/** As OnnxPredictor sets them: the runtime scales with worker threads, not ORT threads. */
export const SESSION_OPTIONS = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
} as const

export interface CallTiming extends Record<string, number> {
  calls: number
  meanUs: number
  p50Us: number
  p99Us: number
}

export interface ComputeFloor {
  rows: number
  ort: CallTiming
  tfjs: CallTiming
  /** Largest difference between the two outputs: both must compute the same thing for the ratio to mean anything. */
  maxAbsDiff: number
}

export async function measureComputeFloor(
  modelDir: string,
  rowCounts: readonly number[],
  seconds: number,
  repeats: number,
): Promise<ComputeFloor[]> {
  // Imported here, after the load runs: neither library should sit in the load generator's process before.
  const ort = await import('onnxruntime-node')
  const tf = await import('@tensorflow/tfjs')
  const { loadModelDir } = await import('@sagepack/core-train')

  const session = await ort.InferenceSession.create(join(modelDir, 'model.onnx'), { ...SESSION_OPTIONS })
  const inputName = session.inputNames[0] as string
  const outputName = session.outputNames[0] as string
  await tf.setBackend('cpu')
  await tf.ready()
  if (tf.getBackend() !== 'cpu') throw new Error(`tfjs runs on ${tf.getBackend()}, not cpu`)
  const model = await loadModelDir(modelDir)
  const columns = await standardizedColumns(modelDir)

  try {
    const floors: ComputeFloor[] = []
    for (const rows of rowCounts) {
      const features = featureMatrix(irisRows(rows, 7 + rows), columns)
      const width = features.length / rows
      const runOrt = async () => {
        const feeds = { [inputName]: new ort.Tensor('float32', features, [rows, width]) }
        return (await session.run(feeds, [outputName]))[outputName]?.data as Float32Array
      }
      const runTfjs = () => {
        const input = tf.tensor2d(features, [rows, width])
        const output = model.predict(input) as import('@tensorflow/tfjs').Tensor
        const data = output.dataSync() as Float32Array
        tf.dispose([input, output])
        return data
      }
      const maxAbsDiff = largestDifference(await runOrt(), runTfjs())

      // Alternated so that a noisy moment on the shared cores does not land on one side only.
      const ortRuns: CallTiming[] = []
      const tfjsRuns: CallTiming[] = []
      for (let repeat = 0; repeat < repeats; repeat++) {
        ortRuns.push(await timeCalls(runOrt, seconds))
        tfjsRuns.push(await timeCalls(runTfjs, seconds))
      }
      floors.push({ rows, ort: medianOf(ortRuns), tfjs: medianOf(tfjsRuns), maxAbsDiff })
    }
    return floors
  } finally {
    await session.release()
    model.dispose()
  }
}

/** Calls `call` back to back for `seconds` after a short warm-up; per-call times from hrtime. */
export async function timeCalls(call: () => unknown, seconds: number): Promise<CallTiming> {
  const warmUntil = performance.now() + Math.min(500, (seconds * 1000) / 4)
  while (performance.now() < warmUntil) await call()
  const samples: number[] = []
  const until = performance.now() + seconds * 1000
  while (performance.now() < until) {
    const start = process.hrtime.bigint()
    await call()
    samples.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  const sorted = Float64Array.from(samples).sort()
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
  return {
    calls: sorted.length,
    meanUs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50Us: at(50),
    p99Us: at(99),
  }
}

function largestDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`ONNX gave ${a.length} outputs and tfjs ${b.length}`)
  let largest = 0
  for (let i = 0; i < a.length; i++)
    largest = Math.max(largest, Math.abs((a[i] as number) - (b[i] as number)))
  return largest
}

/** The fitted means and deviations of preprocessor.json, in column order (the compute and model floors). */
export async function standardizedColumns(modelDir: string): Promise<StandardizedColumn[]> {
  const json = JSON.parse(await readFile(join(modelDir, 'preprocessor.json'), 'utf8')) as {
    columns?: StandardizedColumn[]
  }
  return json.columns ?? []
}
