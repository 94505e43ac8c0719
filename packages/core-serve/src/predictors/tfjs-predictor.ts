// Runs a tfjs layers model (model.json + weights.bin) with the wasm or cpu backend, for bundles whose
// model was kept in tfjs format instead of being exported to ONNX.
import { join } from 'node:path'
import { readTfjsModelFiles, TFJS_MODEL_FILE, UserError } from '@sagepack/core-data'
import type * as Tf from '@tensorflow/tfjs'
import type { Predictor } from '../handler/handler-api'
import { checkFeatureMatrix } from './feature-matrix'
import { importTfjs } from './import-runtime'
import { ensureTfjsBackend } from './tfjs-backend'

export class TfjsPredictor implements Predictor {
  readonly format = 'tfjs'
  readonly inputWidth: number
  readonly outputWidth: number
  readonly #tf: typeof Tf
  readonly #model: Tf.LayersModel

  private constructor(tf: typeof Tf, model: Tf.LayersModel, inputWidth: number, outputWidth: number) {
    this.#tf = tf
    this.#model = model
    this.inputWidth = inputWidth
    this.outputWidth = outputWidth
  }

  /** `dir` holds model.json and its weight files (the bundle's top level). */
  static async load(dir: string): Promise<TfjsPredictor> {
    const tf = await importTfjs()
    await ensureTfjsBackend()
    // The shared reader's plain object is exactly what tfjs's in-memory loader takes.
    const artifacts = (await readTfjsModelFiles(dir)) as unknown as Tf.io.ModelArtifacts
    let model: Tf.LayersModel
    try {
      model = await tf.loadLayersModel(tf.io.fromMemory(artifacts))
    } catch (error) {
      throw damaged(
        dir,
        `tfjs cannot load it (${error instanceof Error ? error.message : String(error)})`,
        error,
      )
    }
    const input = model.inputs.length === 1 ? model.inputs[0]?.shape : undefined
    const output = model.outputs.length === 1 ? model.outputs[0]?.shape : undefined
    const inputWidth = input?.length === 2 ? input[1] : undefined
    const outputWidth = output?.length === 2 ? output[1] : undefined
    if (typeof inputWidth !== 'number' || typeof outputWidth !== 'number') {
      model.dispose()
      const shapes = (tensors: Tf.SymbolicTensor[]) =>
        tensors.map((t) => `[${t.shape.join(', ')}]`).join(', ')
      throw damaged(dir, `it has inputs ${shapes(model.inputs)} and outputs ${shapes(model.outputs)}`)
    }
    return new TfjsPredictor(tf, model, inputWidth, outputWidth)
  }

  async run(features: Float32Array, rows: number): Promise<Float32Array> {
    checkFeatureMatrix(features, rows, this.inputWidth)
    const tf = this.#tf
    const output = tf.tidy(
      () => this.#model.predict(tf.tensor2d(features, [rows, this.inputWidth])) as Tf.Tensor,
    )
    try {
      return (await output.data()) as Float32Array
    } finally {
      output.dispose()
    }
  }

  async dispose(): Promise<void> {
    this.#model.dispose()
  }
}

function damaged(dir: string, problem: string, cause?: unknown): UserError {
  return new UserError(
    {
      input: join(dir, TFJS_MODEL_FILE),
      problem: `the model cannot be served: ${problem}`,
      expected: 'a tfjs layers model with one input [batch, features] and one output [batch, outputs]',
      fix: 'save the model again with `sagepack train`',
    },
    { cause },
  )
}
