// `sagepack serve <model>`: verify and extract the model's bundle into a temp folder and start the
// runtime's `serve` on it: the same process, code and contract as the SageMaker endpoint.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBundle } from '@sagepack/bundle'
import { defaultRunsRoot, findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { bundleForModel } from '../build-bundle/bundle-for-model'
import { buildRuntime } from '../runtime/build-runtime'
import { openInBrowser } from './open-in-browser'
import { parsePort, parseWorkers } from './serve-option-parsers'

/** Inside this package, so the built runtime resolves onnxruntime-node and tfjs as the image's does. */
const RUNTIME_BUILDS = fileURLToPath(new URL('../../dist/', import.meta.url))

interface ServeOptions {
  port: number
  workers?: number
  bundle?: string
  runsDir?: string
  open?: boolean
}

export function serveCommand(): Command {
  return new Command('serve')
    .summary('serve the bundle on :8080 under the SageMaker inference contract')
    .description(
      "Serve a model's bundle locally exactly as SageMaker hosts it: the bundle is verified and extracted\n" +
        "into a temporary folder (SageMaker's /opt/ml/model), and the runtime image's runtime.mjs (built\n" +
        'fresh from this checkout) starts `serve` on it:\n' +
        'GET /ping, POST /invocations (application/json, text/csv, application/jsonlines), GET /execution-parameters;\n' +
        "and GET / (a page to try the model in a browser) and GET /openapi.json, made from the bundle's schema.\n" +
        'A model without a bundle is bundled first. Ctrl-C drains in-flight requests and stops; Ctrl-C again\n' +
        'a second or more later stops at once.',
    )
    .argument('<model>', 'the model folder name under models/')
    .option('--port <port>', 'port to listen on (SAGEMAKER_BIND_TO_PORT)', parsePort, 8080)
    .option(
      '--workers <n>',
      'worker threads, one model session each (SAGEMAKER_MODEL_SERVER_WORKERS; default: the serving plan printed at start-up, one per CPU but one for small models)',
      parseWorkers,
    )
    .option('--bundle <file>', 'serve this model.tar.gz instead of models/<model>/dist/model.tar.gz')
    .option('--runs-dir <dir>', 'where runs are kept, if a bundle must be built first')
    .option('--open', "open the try-it page in the platform's browser once the model is loaded")
    .addHelpText(
      'after',
      "\nExample:\n  pnpm serve iris\n  curl -H 'Content-Type: text/csv' --data-binary $'5.1,3.5,1.4,0.2' localhost:8080/invocations",
    )
    .action(async (name: string, options: ServeOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      const archive = await bundleForModel({
        workspaceRoot,
        folder: locateModel(workspaceRoot, name),
        runsRoot: options.runsDir ? resolve(options.runsDir) : defaultRunsRoot(workspaceRoot),
        ...(options.bundle ? { bundle: options.bundle } : {}),
      })
      if (!archive) return
      const bundle = await openBundle(archive)
      process.stdout.write(`extracted ${archive} (run ${bundle.manifest.runId}) to ${bundle.modelDir}\n`)
      // The image's runtime.mjs, built fresh: what serves here is the code the endpoint runs.
      await mkdir(RUNTIME_BUILDS, { recursive: true })
      const runtimeDir = await mkdtemp(join(RUNTIME_BUILDS, 'runtime-'))
      try {
        const [runtime] = await buildRuntime(runtimeDir)
        process.exitCode = await runServer(runtime as string, bundle.modelDir, bundle.manifest.name, options)
      } finally {
        await Promise.all([bundle.close(), rm(runtimeDir, { recursive: true, force: true })])
      }
    })
}

function runServer(runtime: string, modelDir: string, model: string, options: ServeOptions): Promise<number> {
  const served = new Promise<number>((done, reject) => {
    const child = spawn(process.execPath, [runtime, 'serve'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        SM_MODEL_DIR: modelDir,
        SAGEMAKER_BIND_TO_PORT: String(options.port),
        ...(options.workers === undefined ? {} : { SAGEMAKER_MODEL_SERVER_WORKERS: String(options.workers) }),
      },
    })
    // The runtime drains on SIGTERM as on SageMaker; the CLI waits for it and then cleans up. Ctrl-C in
    // a terminal reaches the runtime too (the whole process group gets it): the runtime takes the two
    // signals, arriving together, as one, and a later Ctrl-C as "stop now".
    const stop = () => child.kill('SIGTERM')
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    child.on('error', reject)
    child.on('close', (code) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done(code ?? 1)
    })
  })
  void announcePage(model, options, served)
  return served
}

/**
 * Once /ping answers 200 (the page works from then on), prints the page's address and, with --open,
 * opens it. Gives up quietly when the server stops first: the runtime has said why.
 */
async function announcePage(model: string, options: ServeOptions, served: Promise<number>): Promise<void> {
  let stopped = false
  void served.finally(() => {
    stopped = true
  })
  const page = `http://localhost:${options.port}/`
  while (!stopped) {
    const status = await fetch(`http://127.0.0.1:${options.port}/ping`).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  if (stopped) return
  process.stdout.write(`try ${model} in a browser: ${page} (OpenAPI: ${page}openapi.json)\n`)
  if (!options.open) return
  const failure = await openInBrowser(page)
  if (failure) process.stderr.write(`${failure}\n`)
}
