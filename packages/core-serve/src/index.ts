// Public API of @sagepack/core-serve: the SageMaker inference runtime (HTTP server, codecs, validation,
// handler API, predictors, the try-it page and OpenAPI).

export type { Codec } from './codecs/codec'
export {
  codecForContentType,
  type ResponseFormat,
  responseFormatFor,
  SUPPORTED_MEDIA_TYPES,
} from './codecs/codec-registry'
export { defaultLoad } from './handler/default-load'
export { defaultPostprocess } from './handler/default-postprocess'
export { defaultPreprocess } from './handler/default-preprocess'
export * from './handler/handler-api'
export { InvocationError } from './handler/invocation-error'
export { loadHandlerModule } from './handler/load-handler-module'
export { type InvocationResult, loadServedModel, type ServedModel } from './handler/load-served-model'
export { runHandler } from './handler/run-handler'
export { CONFIG_FILE, type ModelDir, readModelDir, servedRequestSchema } from './model-dir/read-model-dir'
export { loadPredictor } from './predictors/load-predictor'
export { ONNX_EXTERNAL_DATA_FILE, ONNX_MODEL_FILE, OnnxPredictor } from './predictors/onnx-predictor'
export type { PredictorOptions } from './predictors/predictor-options'
export { TfjsPredictor } from './predictors/tfjs-predictor'
export { bindPort, PORT_ENV, parsePort, SAGEMAKER_PORT } from './runtime/bind-port'
export { type BundleWeights, bundleWeights } from './runtime/bundle-weights'
export { machineMemoryBytes } from './runtime/machine-memory'
export { type RunningServer, SAGEMAKER_MODEL_DIR, type ServeOptions, serveMain } from './runtime/serve-main'
export {
  PRIVATE_WEIGHTS_MAX_BYTES,
  PRIVATE_WEIGHTS_MEMORY_SHARE,
  type ServingFacts,
  type ServingPlan,
  servingPlan,
} from './runtime/serving-plan'
export type { RefusedBodyDrain } from './server/discard-refused-body'
export { defaultExecutionParameters, type ExecutionParameters } from './server/execution-parameters'
export { DEFAULT_GRACE_MS } from './server/graceful-close'
export {
  createInferenceServer,
  HEADERS_TIMEOUT_MS,
  type InferenceServer,
  type InferenceServerOptions,
  KEEP_ALIVE_TIMEOUT_MS,
} from './server/inference-server'
export { DEFAULT_MAX_PAYLOAD_MB, MB, maxPayloadBytesFrom, maxPayloadMbFromEnv } from './server/payload-limit'
export { installShutdownHandlers, type ShutdownOptions } from './server/shutdown-signals'
export { TRY_PAGE_ASSETS_SOURCE } from './try-page/page-assets'
export { createInProcessRunner, type InProcessRunner } from './workers/in-process-runner'
export {
  DEFAULT_INVOCATION_TIMEOUT_S,
  invocationTimeoutMs,
  TIMEOUT_ENV,
  TIMEOUT_SECONDS_ENV,
} from './workers/invocation-timeout'
export { defaultWorkerCount, parseWorkerCount, WORKERS_ENV, workerCount } from './workers/worker-count'
export { INVOCATION_WORKER_SOURCE } from './workers/worker-launch'
export { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './workers/worker-pool'
