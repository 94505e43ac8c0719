// Builds the runtime image's JavaScript: runtime.mjs (train|serve) and invocation-worker.mjs beside
// it, each one ES module, and try-page/ (the try-it page's files, served by `serve`); native and wasm
// packages stay external and are installed in the image. Vega, which draws the page's chart, is
// bundled in and only evaluated when a chart is first drawn.
import { cp, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESM_BANNER, RUNTIME_EXTERNALS } from '@sagepack/bundle'
import { INVOCATION_WORKER_SOURCE, TRY_PAGE_ASSETS_SOURCE } from '@sagepack/core-serve'
import { build } from 'esbuild'

const RUNTIME_SOURCE = fileURLToPath(new URL('./runtime-process.ts', import.meta.url))
/** Where runtime-main.ts looks for the page's files, beside runtime.mjs. */
const PAGE_ASSETS_DIR = 'try-page'

export async function buildRuntime(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true })
  await build({
    entryPoints: { runtime: RUNTIME_SOURCE, 'invocation-worker': INVOCATION_WORKER_SOURCE },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...RUNTIME_EXTERNALS],
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: ESM_BANNER },
  })
  await cp(TRY_PAGE_ASSETS_SOURCE, join(outDir, PAGE_ASSETS_DIR), { recursive: true })
  return ['runtime.mjs', 'invocation-worker.mjs', PAGE_ASSETS_DIR].map((file) => join(outDir, file))
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const outDir = resolve(process.argv[2] ?? 'dist/runtime')
  const files = await buildRuntime(outDir)
  process.stdout.write(`built ${files.join(', ')}\n`)
}
