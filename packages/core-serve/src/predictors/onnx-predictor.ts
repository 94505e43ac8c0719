// Runs model.onnx with onnxruntime-node: one single-threaded session per worker thread, because the
// runtime scales with worker threads and ORT's own thread pools would only fight them for cores.
import { stat } from 'node:fs/promises'
import { UserError } from '@sagepack/core-data'
import type * as Ort from 'onnxruntime-node'
import type { Predictor } from '../handler/handler-api'
import { checkFeatureMatrix } from './feature-matrix'
import { importOnnxRuntime } from './import-runtime'

export const ONNX_MODEL_FILE = 'model.onnx'

const SESSION_OPTIONS: Ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
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

  static async load(path: string): Promise<OnnxPredictor> {
    await assertFile(path)
    const ort = await importOnnxRuntime()
    let session: Ort.InferenceSession
    try {
      session = await ort.InferenceSession.create(path, SESSION_OPTIONS)
    } catch (error) {
      throw damaged(path, `onnxruntime cannot load it (${messageOf(error)})`, error)
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
