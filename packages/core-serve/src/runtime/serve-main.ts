// The `serve` command of the runtime: what SageMaker hosting and Batch Transform start, and what
// `pnpm serve` starts on an extracted bundle. Model from SM_MODEL_DIR (default /opt/ml/model), port
// from SAGEMAKER_BIND_TO_PORT (default 8080), workers from SAGEMAKER_MODEL_SERVER_WORKERS.

import { maxBufferedBytesFrom } from '../server/buffered-body-limit'
import { defaultExecutionParameters } from '../server/execution-parameters'
import { createInferenceServer, type InferenceServer } from '../server/inference-server'
import { maxPayloadBytesFrom } from '../server/payload-limit'
import { installShutdownHandlers } from '../server/shutdown-signals'
import { invocationTimeoutMs } from '../workers/invocation-timeout'
import { workerCount } from '../workers/worker-count'
import { createWorkerPool, type WorkerPool } from '../workers/worker-pool'
import { bindPort } from './bind-port'

export const SAGEMAKER_MODEL_DIR = '/opt/ml/model'

export interface ServeOptions {
  env?: Record<string, string | undefined>
  /** The worker script of a bundled runtime; from source the pool finds it itself. */
  workerScript?: string | URL
  log?: (line: string) => void
  /** Exit the process on SIGTERM/SIGINT after draining (the runtime does; tests do not). */
  handleSignals?: boolean
}

export interface RunningServer {
  server: InferenceServer
  pool: WorkerPool
  port: number
}

export async function serveMain(options: ServeOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const modelDir = env.SM_MODEL_DIR || SAGEMAKER_MODEL_DIR
  // Every setting is read before a thread starts: a typo fails at once, naming its variable.
  const port = bindPort(env)
  const maxPayloadBytes = maxPayloadBytesFrom(env, undefined)
  const maxBufferedBytes = maxBufferedBytesFrom(env, maxPayloadBytes)
  const workers = workerCount(undefined, env)
  const timeoutMs = invocationTimeoutMs(env)
  const pool = await createWorkerPool({
    modelDir,
    workers,
    invocationTimeoutMs: timeoutMs,
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    log,
  })
  const server = createInferenceServer(pool, {
    maxPayloadBytes,
    maxBufferedBytes,
    executionParameters: {
      ...defaultExecutionParameters(maxPayloadBytes),
      MaxConcurrentTransforms: pool.size,
    },
    // One line per request is cheap but not free; SageMaker's own metrics count requests already.
    ...(env.SAGEPACK_ACCESS_LOG === '1'
      ? { log }
      : { log: (line: string) => line.startsWith('internal error') && log(line) }),
  })
  const bound = await server.listen(port, env.SAGEPACK_BIND_HOST || '0.0.0.0')
  const { manifest } = pool.bundle
  log(
    `serving ${manifest.name} ${manifest.version} (run ${manifest.runId}, ${manifest.modelFormat}) from ${modelDir} ` +
      `on port ${bound} with ${pool.size} workers`,
  )
  if (options.handleSignals ?? true) installShutdownHandlers(server, { log })
  pool.whenReady().then(
    () => log('model loaded in every worker: /ping answers 200'),
    (error: unknown) => {
      log(`the model failed to load: ${error instanceof Error ? error.message : String(error)}`)
      void server.close(0).finally(() => process.exit(1))
    },
  )
  return { server, pool, port: bound }
}
