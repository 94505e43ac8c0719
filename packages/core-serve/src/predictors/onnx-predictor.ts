// Runs model.onnx with onnxruntime-node: one session per worker thread, single-threaded unless the
// serving plan gives it spare cores (the runtime scales with worker threads, and ORT's own thread
// pools would only fight them for cores). Weights in model.onnx.data are either mapped from the file
// and shared by every session, or prepacked into a private copy (see predictor-options.ts).
import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import type * as Ort from 'onnxruntime-node'
import type { Predictor } from '../handler/handler-api'
import { checkFeatureMatrix } from './feature-matrix'
import { importOnnxRuntime } from './import-runtime'
import { ONNX_EXTERNAL_DATA_FILE, ONNX_MODEL_FILE } from './onnx-files'
import type { PredictorOptions } from './predictor-options'

export { ONNX_EXTERNAL_DATA_FILE, ONNX_MODEL_FILE }

/**
 * onnxruntime's session options for a plan. Prepacking copies every weight matrix into a layout for
 * the CPU's kernels: with it off, a tensor mapped from model.onnx.data is used where it lies.
 */
export function sessionOptions(options: PredictorOptions): Ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: options.intraOpThreads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    ...(options.weights === 'shared' ? { extra: { session: { disable_prepacking: '1' } } } : {}),
  }
}

const EXPECTED =
  'an ONNX model with one float32 input [batch, features] and a float32 output [batch, outputs]'

export class OnnxPredictor implements Predictor {
  readonly format = 'onnx'
  readonly inputWidth: number
  readonly outputWidth: number
  readonly #Tensor: typeof Ort.Tensor
  readonly #session: Ort.InferenceSession
  readonly #inputName: string
  readonly #fetches: readonly string[]

  private constructor(
    ort: typeof Ort,
    session: Ort.InferenceSession,
    inputWidth: number,
    outputWidth: number,
  ) {
    this.#Tensor = ort.Tensor
    this.#session = session
    this.#inputName = session.inputNames[0] as string
    // Only the first output is fetched: exporters may add others (labels) that we would copy for nothing.
    this.#fetches = [session.outputNames[0] as string]
    this.inputWidth = inputWidth
    this.outputWidth = outputWidth
  }

  /**
   * `options` default to what suits the files: weights shared when model.onnx.data is there (it only
   * is for big models), else private; one thread.
   */
  static async load(path: string, options?: PredictorOptions): Promise<OnnxPredictor> {
    await assertFile(path)
    const dataFile = join(dirname(path), ONNX_EXTERNAL_DATA_FILE)
    const hasData = await exists(dataFile)
    const ort = await importOnnxRuntime()
    let session: Ort.InferenceSession
    try {
      session = await ort.InferenceSession.create(
        path,
        sessionOptions(options ?? { weights: hasData ? 'shared' : 'private', intraOpThreads: 1 }),
      )
    } catch (error) {
      const message = messageOf(error)
      if (/external (data|initializer)/i.test(message))
        throw badExternalData(dataFile, hasData, message, error)
      throw damaged(path, `onnxruntime cannot load it (${message})`, error)
    }
    try {
      const { inputWidth, outputWidth } = await matrixWidths(ort, path, session)
      return new OnnxPredictor(ort, session, inputWidth, outputWidth)
    } catch (error) {
      await session.release()
      throw error
    }
  }

  async run(features: Float32Array, rows: number): Promise<Float32Array> {
    checkFeatureMatrix(features, rows, this.inputWidth)
    const feeds = { [this.#inputName]: new this.#Tensor('float32', features, [rows, this.inputWidth]) }
    const results = await this.#session.run(feeds, this.#fetches)
    const output = results[this.#fetches[0] as string]
    // Checked at load time: the output's type is float32, so its data is a Float32Array.
    return output?.data as Float32Array
  }

  async dispose(): Promise<void> {
    await this.#session.release()
  }
}

async function matrixWidths(
  ort: typeof Ort,
  path: string,
  session: Ort.InferenceSession,
): Promise<{ inputWidth: number; outputWidth: number }> {
  const input = tensorMetadata(path, session.inputMetadata, 'input')
  const output = tensorMetadata(path, session.outputMetadata, 'output')
  const inputWidth = input.shape.at(-1)
  if (input.shape.length !== 2 || typeof inputWidth !== 'number') {
    throw damaged(path, `its input '${input.name}' has shape [${input.shape.join(', ')}]`)
  }
  const declared = output.shape.at(-1)
  if (output.shape.length === 2 && typeof declared === 'number') return { inputWidth, outputWidth: declared }
  // A symbolic output width is legal ONNX: one probe row tells the real width.
  try {
    const probe = { [input.name]: new ort.Tensor('float32', new Float32Array(inputWidth), [1, inputWidth]) }
    const results = await session.run(probe, [output.name])
    return { inputWidth, outputWidth: results[output.name]?.size ?? 0 }
  } catch (error) {
    throw damaged(path, `a probe row of zeros fails (${messageOf(error)})`, error)
  }
}

function tensorMetadata(
  path: string,
  metadata: readonly Ort.InferenceSession.ValueMetadata[],
  kind: 'input' | 'output',
): { name: string; shape: ReadonlyArray<number | string> } {
  if (kind === 'input' && metadata.length !== 1) {
    throw damaged(path, `it has ${metadata.length} inputs (${metadata.map((m) => m.name).join(', ')})`)
  }
  const first = metadata[0]
  if (!first) throw damaged(path, `it has no ${kind}`)
  if (!first.isTensor || first.type !== 'float32') {
    const type = first.isTensor ? first.type : 'not a tensor'
    throw damaged(path, `its ${kind} '${first.name}' is ${type}, not float32`)
  }
  return { name: first.name, shape: first.shape }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    },
  )
}

/** model.onnx keeps (some of) its weights in the external data file, which is missing or does not hold them. */
function badExternalData(dataFile: string, present: boolean, message: string, cause: unknown): UserError {
  return new UserError(
    {
      input: dataFile,
      problem: present
        ? `does not hold the weights that ${ONNX_MODEL_FILE} says it does: onnxruntime says ${message}`
        : `is missing, but ${ONNX_MODEL_FILE} keeps its weights there (onnxruntime says ${message})`,
      expected: `the ${ONNX_EXTERNAL_DATA_FILE} exported with this ${ONNX_MODEL_FILE}, complete, beside it`,
      fix: 'rebuild the bundle with `sagepack bundle` from the run that exported the model; a partial copy or an upload cut short causes this',
    },
    { cause },
  )
}

async function assertFile(path: string): Promise<void> {
  try {
    await stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UserError(
      {
        input: path,
        problem: `${ONNX_MODEL_FILE} is missing`,
        expected: "the model's weights, since manifest.json says modelFormat is onnx",
        fix: 'rebuild the bundle with `sagepack bundle`',
      },
      { cause: error },
    )
  }
}

function damaged(path: string, problem: string, cause?: unknown): UserError {
  return new UserError(
    {
      input: path,
      problem: `the model cannot be served: ${problem}`,
      expected: EXPECTED,
      fix: 'export the model again with `sagepack train`; a partial copy or another exporter can cause this',
    },
    { cause },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
