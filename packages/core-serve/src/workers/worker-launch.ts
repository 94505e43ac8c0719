// Finds the invocation worker's script, from TypeScript source (vitest, tsx, `sagepack serve` in the
// workspace) and from a bundled runtime.
//
// From source the script is ./invocation-worker.ts beside this module. Node 20 does not pass loaders
// registered with tsx's register() on to worker threads, so the worker starts with a one-line
// bootstrap that registers tsx in the worker itself, then imports the script.
//
// A bundled runtime (esbuild, one file) has no invocation-worker.ts beside it: bundle
// src/workers/invocation-worker.ts as a second entry point (INVOCATION_WORKER_SOURCE) and pass its
// output to createWorkerPool as `workerScript`, e.g.
// `new URL('./invocation-worker.mjs', import.meta.url)` from the runtime's entry.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The worker's source file: the entry point a bundler builds the worker script from. */
export const INVOCATION_WORKER_SOURCE = fileURLToPath(new URL('./invocation-worker.ts', import.meta.url))

export interface WorkerLaunch {
  /** A file for `new Worker(script)`, or code for `new Worker(script, { eval: true })`. */
  script: string | URL
  eval: boolean
}

export function workerLaunch(workerScript?: string | URL): WorkerLaunch {
  const script = workerScript ?? defaultScript()
  const url = script instanceof URL ? script : pathToFileURL(script)
  if (!/\.[mc]?ts$/.test(url.pathname)) return { script: url, eval: false }
  const tsx = JSON.stringify(pathToFileURL(resolveTsxApi()).href)
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })\n`
  return { script: bootstrap, eval: true }
}

function defaultScript(): URL {
  if (import.meta.url.endsWith('.ts')) return pathToFileURL(INVOCATION_WORKER_SOURCE)
  throw new Error(
    'createWorkerPool needs `workerScript` in a bundled runtime: bundle INVOCATION_WORKER_SOURCE as its own ' +
      "entry point and pass new URL('./invocation-worker.mjs', import.meta.url)",
  )
}

/**
 * tsx's ESM API (what the CLI registers in its bin script) from this package's dependencies, else from
 * the program that started us from source (the CLI). Read through tsx's exports map because
 * require.resolve would give the CommonJS build, whose register() cannot find its hooks.
 */
function resolveTsxApi(): string {
  const bases = [import.meta.url, process.argv[1]].filter((base): base is string => Boolean(base))
  for (const base of bases) {
    try {
      const manifestPath = createRequire(base).resolve('tsx/package.json')
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TsxManifest
      const target = manifest.exports?.['./esm/api']?.import?.default
      if (typeof target === 'string') return join(dirname(manifestPath), target)
    } catch {
      // Not resolvable from this base: try the next one.
    }
  }
  throw new Error(
    'running the invocation worker from TypeScript source needs tsx: add it to the dependencies of ' +
      '@sagepack/core-serve, or pass a bundled worker script as `workerScript`',
  )
}

interface TsxManifest {
  exports?: Record<string, { import?: { default?: unknown } } | undefined>
}
