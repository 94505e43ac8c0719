// Test fixture: the invocation worker built into one ES module with esbuild, as the runtime image ships
// it. A worker started from it loads in a fraction of the time one started from TypeScript source
// takes, so tests that restart workers again and again run as fast as production does.
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { INVOCATION_WORKER_SOURCE } from '../worker-launch'

/** Inside this package, so the ML runtimes left external resolve from node_modules as they do in the image. */
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url))

/** What the runtime image installs rather than bundles (see @sagepack/bundle's RUNTIME_EXTERNALS). */
const EXTERNAL = ['onnxruntime-node', '@tensorflow/*']

/** CommonJS dependencies bundled into an ES module still call require(). */
const BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

export interface BundledWorker {
  script: URL
  remove(): Promise<void>
}

export async function buildBundledWorker(): Promise<BundledWorker> {
  const dir = await mkdtemp(join(CACHE, 'invocation-worker-'))
  const outfile = join(dir, 'invocation-worker.mjs')
  await build({
    entryPoints: [INVOCATION_WORKER_SOURCE],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: BANNER },
    logLevel: 'warning',
  })
  return { script: pathToFileURL(outfile), remove: () => rm(dir, { recursive: true, force: true }) }
}
