// The per-model inference handler API: SageMaker's model_fn / input_fn / predict_fn / output_fn, in
// TypeScript. Every hook has a default, so a plain model needs no code at all.

import type { BundleManifest } from '@sagepack/bundle/manifest'
import type { Preprocessor } from '@sagepack/core-data'
import type { ResponseBody } from './response-body'
import type { StageTimings } from './stage-timings'

/** One input row: an object keyed by feature name, or an array in the schema's feature order. */
export type InputRow = Record<string, unknown> | unknown[]

/**
 * One prediction, as it goes into the response (JSON-safe): an object (classifiers), a number
 * (regressors), a list of numbers (models with several outputs and no classes), or a string.
 */
export type Prediction = Record<string, unknown> | number[] | number | string

/** Runs the model's weights: row-major features in, row-major outputs out. */
export interface Predictor {
  readonly format: 'onnx' | 'tfjs'
  readonly inputWidth: number
  readonly outputWidth: number
  run(features: Float32Array, rows: number): Promise<Float32Array>
  dispose(): Promise<void>
}

/** What the runtime hands to `load`. */
export interface ModelContext {
  /** The extracted bundle: /opt/ml/model on SageMaker. */
  modelDir: string
  manifest: BundleManifest
  /** The resolved model config saved in the bundle (config.json). */
  config: unknown
  /** The fitted preprocessor from preprocessor.json, or null when the bundle has none. */
  preprocessor: Preprocessor | null
  /** Loads the bundle's weights with the runtime's predictor (onnxruntime-node or tfjs). */
  loadPredictor(): Promise<Predictor>
}

/** What every hook after `load` gets to work with; a handler's own `load` may add fields. */
export interface LoadedModel {
  predictor: Predictor
  preprocessor: Preprocessor | null
  /** Class names in output order for classifiers, null for regressors. */
  classes: readonly string[] | null
  config: unknown
}

/** Per-request facts: SageMaker's custom attributes in, and optionally out. */
export interface InvocationContext {
  /** The X-Amzn-SageMaker-Custom-Attributes request header, if any. */
  customAttributes: string | undefined
  /** Set to send X-Amzn-SageMaker-Custom-Attributes back on the response. */
  responseAttributes?: string
}

export interface InferenceHandler<M extends LoadedModel = LoadedModel> {
  /** model_fn. Default: the bundle's predictor, preprocessor and classes. */
  load?(context: ModelContext): Promise<M>
  /** input_fn after decoding. Default: `preprocessor.transform(rows)`. */
  preprocess?(rows: InputRow[], model: M, context: InvocationContext): Float32Array | Promise<Float32Array>
  /** predict_fn. Default: `model.predictor.run(features, rows)`. */
  predict?(features: Float32Array, rows: number, model: M, context: InvocationContext): Promise<Float32Array>
  /** output_fn before encoding. Default: `{ label, probabilities }` per row for classifiers, the number for regressors. */
  postprocess?(outputs: Float32Array, rows: InputRow[], model: M, context: InvocationContext): Prediction[]
}

export function defineHandler<M extends LoadedModel = LoadedModel>(
  handler: InferenceHandler<M>,
): InferenceHandler<M> {
  return handler
}

/** A request as it arrived: its body text and media types, decoded where the handler runs. */
export interface EncodedRequest {
  body: string
  /** The request's Content-Type (a type the codecs read). */
  contentType: string
  /** The response type chosen from Accept (a type the codecs write). */
  accept: string
  /** The X-Amzn-SageMaker-Custom-Attributes request header, if any. */
  customAttributes?: string | undefined
}

export interface EncodedResponse {
  /** The predictions encoded as `accept` (a JSON answer lists the warnings beside them). */
  body: string
  responseAttributes?: string
  /** How many warnings the rows had (see validation/row-checker.ts); absent when none. */
  warningCount?: number
  /** The first warnings as the X-Sagepack-Warnings header's value; absent when none. */
  warningsHeader?: string
  /** Where the time went in the worker, for the Server-Timing header. */
  timings?: StageTimings
}

/**
 * What a runner answers: a handler's EncodedResponse, whose body is text or, once it crossed from a
 * worker thread, its UTF-8 bytes (see response-body.ts).
 */
export interface RunnerResponse extends Omit<EncodedResponse, 'body'> {
  body: ResponseBody
}

/**
 * What the HTTP server calls. The server checks the headers and reads the body; decoding, the
 * handler and encoding all run where the model runs (worker threads), so the event loop that
 * answers /ping only moves bytes.
 */
export interface InvocationRunner {
  /** True once the model has loaded, and while it can be served; /ping answers 200 only then. */
  readonly ready: boolean
  /** Rejects with an InvocationError: 400 for input that does not fit, 500 for a failing handler. */
  invoke(request: EncodedRequest): Promise<RunnerResponse>
  /** Waits for in-flight invocations, then stops the workers. */
  close(): Promise<void>
}
