// The runtime image's entry point: SageMaker starts the container with `train` or `serve`, and the
// same entry runs here as a plain process for `pnpm serve` and for tests.
import { isUserError } from '@sagepack/core-data'
import { serveMain } from '@sagepack/core-serve'
import { trainMain } from '@sagepack/core-train/train-main'

const USAGE = 'usage: sagepack-runtime train|serve\n'

/**
 * Bundled into runtime.mjs, the worker script and the try-it page's files (try-page/, see
 * build-runtime.ts) sit beside it; from source the pool and the server find their own.
 */
function bundledFiles(): { workerScript: URL; pageAssets: URL } | undefined {
  if (import.meta.url.endsWith('.ts')) return undefined
  return {
    workerScript: new URL('./invocation-worker.mjs', import.meta.url),
    pageAssets: new URL('./try-page/', import.meta.url),
  }
}

export async function runtimeMain(command: string | undefined): Promise<number | undefined> {
  switch (command) {
    case 'train':
      return trainMain()
    case 'serve': {
      try {
        await serveMain(bundledFiles() ?? {})
      } catch (error) {
        // A setting the operator can fix (e.g. SAGEMAKER_MODEL_SERVER_WORKERS) is one message, not a trace.
        if (!isUserError(error)) throw error
        process.stderr.write(`sagepack-runtime: ${error.message}\n`)
        return 2
      }
      // The server runs until SIGTERM; its shutdown handler exits the process.
      return undefined
    }
    default:
      process.stderr.write(`sagepack-runtime: unknown command ${JSON.stringify(command ?? '')}\n${USAGE}`)
      return 2
  }
}
