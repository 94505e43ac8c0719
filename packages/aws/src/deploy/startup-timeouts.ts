// The two start-up timeouts of a provisioned endpoint's production variant, from the bundle's size
// rather than SageMaker's defaults, so a big model is neither cut off while its data downloads nor
// while the runtime loads it. Pure; model-endpoint.yaml leaves both out for serverless variants.
//
// SageMaker takes 60 to 3600 s for each (CreateEndpointConfig's ProductionVariant and CloudFormation's
// AWS::SageMaker::EndpointConfig ProductionVariant). The rates are conservative on purpose: a timeout
// that is too long only delays the report of a broken model, one too short fails a good deploy.
// - Download and extraction: the archive is read from S3 and the files are written out, at an
//   assumed 20 MiB/s for the two together (S3 within a region and gunzip on one core each do several
//   times that), plus a minute for the instance to start the transfer.
// - Health check: the runtime answers /ping 200 once every worker has loaded the model. Measured on
//   a 1 GiB ONNX model with 2 CPUs: 0.1-0.3 s when the weights are shared from model.onnx.data, 5.5-13 s
//   when each worker prepacks its own copy (bench/serve/big-model-bench.ts), plus 1-2 s for Node and
//   the workers. Allowed: a minute plus 30 s per GiB of extracted files, twice the slowest measured.

const MIN_S = 60
const MAX_S = 3600
const MiB = 2 ** 20
const GiB = 2 ** 30
/** Bytes per second of download and extraction together, counted over the archive plus the files. */
const TRANSFER_BYTES_PER_S = 20 * MiB
/** Seconds of loading allowed per GiB of the bundle's files. */
const LOAD_S_PER_GIB = 30

export interface BundleSize {
  /** model.tar.gz's bytes, what SageMaker downloads (for uncompressed model data, the files' bytes). */
  archiveBytes: number
  /** The bytes of the files it holds (the manifest's sizes), what is written out and loaded. */
  extractedBytes: number
}

export interface StartupTimeouts {
  modelDataDownloadTimeoutInSeconds: number
  containerStartupHealthCheckTimeoutInSeconds: number
}

export function startupTimeouts(size: BundleSize): StartupTimeouts {
  const transferS = (size.archiveBytes + size.extractedBytes) / TRANSFER_BYTES_PER_S
  const loadS = (size.extractedBytes / GiB) * LOAD_S_PER_GIB
  return {
    modelDataDownloadTimeoutInSeconds: clamp(MIN_S + Math.ceil(transferS)),
    containerStartupHealthCheckTimeoutInSeconds: clamp(MIN_S + Math.ceil(loadS)),
  }
}

function clamp(seconds: number): number {
  return Math.min(MAX_S, Math.max(MIN_S, seconds))
}
