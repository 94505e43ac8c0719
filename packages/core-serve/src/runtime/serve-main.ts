// The `serve` command of the runtime: what SageMaker hosting and Batch Transform start, and what
// `pnpm serve` starts on an extracted bundle. Model from SM_MODEL_DIR (default /opt/ml/model), port
// from SAGEMAKER_BIND_TO_PORT (default 8080), workers from SAGEMAKER_MODEL_SERVER_WORKERS, else from
// the serving plan (serving-plan.ts), which also chooses how the weights are held; batching from the
// model's config unless SAGEPACK_MAX_BATCH_ROWS / SAGEPACK_MAX_BATCH_DELAY_MS say otherwise. It prints
// the plan, the batching in force, and how long after the process started /ping first answered 200.
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { MANIFEST_FILE, parseBundleManifest } from '@sagepack/bundle/manifest'
import { readBundleJson } from '../model-dir/read-bundle-json'

import { maxBufferedBytesFrom } from '../server/buffered-body-limit'
import { defaultExecutionParameters } from '../server/execution-parameters'
import { createInferenceServer, type InferenceServer } from '../server/inference-server'
import { maxPayloadBytesFrom } from '../server/payload-limit'
import { installShutdownHandlers } from '../server/shutdown-signals'
import { defaultPageAssetsDir } from '../try-page/page-assets'
import { loadTryPage } from '../try-page/try-page'
import { batchingOverridesFrom, describeBatching } from '../workers/batching-settings'
import { invocationTimeoutMs } from '../workers/invocation-timeout'
import { WORKERS_ENV, workerCount } from '../workers/worker-count'
import { createWorkerPool, type WorkerPool } from '../workers/worker-pool'
import { bindPort } from './bind-port'
import { bundleWeights } from './bundle-weights'
import { machineMemoryBytes } from './machine-memory'
import { type ServingPlan, servingPlan } from './serving-plan'
import { WEIGHTS_ENV, weightsOverride } from './weights-override'

export const SAGEMAKER_MODEL_DIR = '/opt/ml/model'

export interface ServeOptions {
  env?: Record<string, string | undefined>
  /** The worker script of a bundled runtime; from source the pool finds it itself. */
  workerScript?: string | URL
  /** The try-it page's files in a bundled runtime (see try-page/page-assets.ts); from source, found itself. */
  pageAssets?: string | URL
  log?: (line: string) => void
  /** Exit the process on SIGTERM/SIGINT after draining (the runtime does; tests do not). */
  handleSignals?: boolean
  /** The machine as the serving plan sees it; by default this one's CPUs and memory (or cgroup limit). */
  machine?: { cpus: number; memoryBytes: number }
}

export interface RunningServer {
  server: InferenceServer
  pool: WorkerPool
  port: number
  plan: ServingPlan
}

export async function serveMain(options: ServeOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const modelDir = env.SM_MODEL_DIR || SAGEMAKER_MODEL_DIR
  // Every setting is read before a thread starts: a typo fails at once, naming its variable.
  const port = bindPort(env)
  const maxPayloadBytes = maxPayloadBytesFrom(env, undefined)
  const maxBufferedBytes = maxBufferedBytesFrom(env, maxPayloadBytes)
  const requestedWorkers = env[WORKERS_ENV]?.trim() ? workerCount(undefined, env) : undefined
  const timeoutMs = invocationTimeoutMs(env)
  const forcedWeights = weightsOverride(env)
  const planned = await planFor(modelDir, requestedWorkers, options.machine)
  const plan =
    forcedWeights && forcedWeights !== planned.weights
      ? { ...planned, weights: forcedWeights, reason: `the rule says ${planned.weights} (${planned.reason})` }
      : planned
  log(
    `serving plan: ${plan.workers} workers${requestedWorkers === undefined ? '' : ` (${WORKERS_ENV})`}, ` +
      `${plan.intraOpThreads} onnxruntime threads each, weights ${plan.weights}` +
      `${forcedWeights ? ` (${WEIGHTS_ENV})` : ''}: ${plan.reason}`,
  )
  const batching = batchingOverridesFrom(env)
  const pool = await createWorkerPool({
    modelDir,
    workers: plan.workers,
    predictor: { weights: plan.weights, intraOpThreads: plan.intraOpThreads },
    invocationTimeoutMs: timeoutMs,
    batching,
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    log,
  })
  const tryPage = await loadTryPage(pool.bundle, options.pageAssets ?? defaultPageAssetsDir()).catch(
    async (error: unknown) => {
      await pool.close()
      throw error
    },
  )
  const server = createInferenceServer(pool, {
    tryPage,
    maxPayloadBytes,
    maxBufferedBytes,
    executionParameters: {
      ...defaultExecutionParameters(maxPayloadBytes),
      MaxConcurrentTransforms: pool.size,
    },
    // One line per request is cheap but not free; SageMaker's own metrics count requests already.
    // Off, internal errors still reach the log, and no request pays for a line thrown away.
    ...(env.SAGEPACK_ACCESS_LOG === '1'
      ? { log }
      : { log: (line: string) => line.startsWith('internal error') && log(line), accessLog: false }),
  })
  const bound = await server.listen(port, env.SAGEPACK_BIND_HOST || '0.0.0.0')
  const { manifest } = pool.bundle
  log(
    `serving ${manifest.name} ${manifest.version} (run ${manifest.runId}, ${manifest.modelFormat}) from ${modelDir} ` +
      `on port ${bound} with ${pool.size} workers`,
  )
  log(describeBatching(pool.batching))
  if (options.handleSignals ?? true) installShutdownHandlers(server, { log })
  pool.whenReady().then(
    () => {
      // performance.now() counts from the start of the process: what SageMaker's health check waits through.
      log(
        `model loaded in every worker: /ping answers 200, ${(performance.now() / 1000).toFixed(2)} s after the process started`,
      )
      // Said once the handler is known: a setting that cannot apply is never silently ignored.
      if (pool.batchesCalls === false) {
        log(
          'batching: off, whatever the settings say: the handler has its own predict hook, which may ' +
            'not treat rows independently, so every request runs alone',
        )
      }
    },
    (error: unknown) => {
      log(`the model failed to load: ${error instanceof Error ? error.message : String(error)}`)
      void server.close(0).finally(() => process.exit(1))
    },
  )
  return { server, pool, port: bound, plan }
}

async function planFor(
  modelDir: string,
  requestedWorkers: number | undefined,
  machine = { cpus: availableParallelism(), memoryBytes: machineMemoryBytes() },
): Promise<ServingPlan> {
  const manifest = parseBundleManifest(
    await readBundleJson(modelDir, MANIFEST_FILE),
    join(modelDir, MANIFEST_FILE),
  )
  const weights = bundleWeights(manifest)
  return servingPlan({
    format: manifest.modelFormat,
    weightsBytes: weights.bytes,
    externalData: weights.externalData,
    ...machine,
    ...(requestedWorkers === undefined ? {} : { requestedWorkers }),
  })
}
