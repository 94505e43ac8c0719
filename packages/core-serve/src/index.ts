// Public API of @sagepack/core-serve: the SageMaker inference runtime (HTTP server, codecs, handler API, predictors).
export * from './handler/handler-api'
export { InvocationError } from './handler/invocation-error'
export * from './model-dir/bundle-manifest'
