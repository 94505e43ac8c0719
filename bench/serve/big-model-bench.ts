// The big-model case of the serve bench: a 1 GiB ONNX MLP served by the runtime image's own
// runtime.mjs from an extracted bundle, with the default worker rule and with
// SAGEMAKER_MODEL_SERVER_WORKERS=4, each against the old design (every worker's session prepacking a
// private copy, forced with SAGEPACK_WEIGHTS=private). Measures the process's private memory (RssAnon)
// and footprint (Pss), peak and steady, the time from spawn to the first /ping 200, and one-row
// predict throughput; states each target as met or missed with its ratio.
// Run: cd bench && flock /tmp/bench.lock pnpm exec tsx serve/big-model-bench.ts
// (BIG_BENCH_HIDDEN=16384 the hidden width, BIG_BENCH_DURATION_S, BIG_BENCH_CONNECTIONS, BIG_BENCH_WORKERS="default,4", BIG_BENCH_PRIVATE=0 to skip
// the old design; the bundle is written under the OS temp folder and removed at the end.)
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareBigModelBundle } from './big-model-files'
import { type BigModelRun, formatBigModelReport, type WeightsMode } from './big-model-report'
import { cleanUpAll, onCleanup } from './exit-cleanup'
import { probe } from './http-probe'
import { measureLoad } from './load-run'
import { WORKSPACE_ROOT } from './prepare-iris-bundle'
import { watchMemory } from './process-memory'
import { freePort } from './server-process'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const RESULTS_FILE = join(HERE, 'results', 'big-model-latest.json')
/** Inside the CLI package, as `sagepack serve` builds it: runtime.mjs then resolves onnxruntime-node. */
const RUNTIME_BUILDS = join(WORKSPACE_ROOT, 'packages/cli/dist')
const BUILD_RUNTIME = join(WORKSPACE_ROOT, 'packages/cli/src/runtime/build-runtime.ts')
/** How long after loading the memory is read again as "steady", with no request in flight. */
const SETTLE_MS = 1500

const progress = (line: string) => process.stderr.write(`[big-model-bench] ${line}\n`)

async function main(): Promise<void> {
  const durationS = Number(process.env.BIG_BENCH_DURATION_S ?? 10)
  const connections = Number(process.env.BIG_BENCH_CONNECTIONS ?? 4)
  const workerSettings = (process.env.BIG_BENCH_WORKERS ?? 'default,4').split(',').map((w) => w.trim())
  const modes: WeightsMode[] = process.env.BIG_BENCH_PRIVATE === '0' ? ['shared'] : ['shared', 'private']
  const hidden = Number(process.env.BIG_BENCH_HIDDEN ?? 16384)
  const bundle = await prepareBigModelBundle(progress, [4, hidden, hidden, 3])
  const runtime = await buildRuntimeForBench()
  const body = JSON.stringify({ instances: [[0.5, -1.25, 2, 0.75]] })

  const runs: BigModelRun[] = []
  for (const workers of workerSettings) {
    for (const mode of modes) {
      // The page cache is left as it is: a running endpoint starts with the bundle just extracted.
      const run = await measureServer(runtime, bundle.dir, workers, mode, body, durationS, connections)
      runs.push(run)
      progress(
        `${workers} workers, ${mode}: start ${run.startS.toFixed(2)} s, ${run.requestsPerS.toFixed(1)} req/s, ` +
          `RssAnon peak ${gib(run.peak.rssAnonBytes)} steady ${gib(run.steady.rssAnonBytes)}, ` +
          `Pss peak ${gib(run.peak.pssBytes)} steady ${gib(run.steady.pssBytes)}`,
      )
    }
  }
  const report = { weightsBytes: bundle.weightsBytes, durationS, connections, runs }
  process.stdout.write(formatBigModelReport(report))
  await mkdir(join(HERE, 'results'), { recursive: true })
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)
  progress(`wrote ${RESULTS_FILE}`)
}

async function measureServer(
  runtime: string,
  modelDir: string,
  workers: string,
  mode: WeightsMode,
  body: string,
  durationS: number,
  connections: number,
): Promise<BigModelRun> {
  const port = await freePort()
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [runtime, 'serve'], {
    env: {
      ...process.env,
      SM_MODEL_DIR: modelDir,
      SAGEMAKER_BIND_TO_PORT: String(port),
      SAGEPACK_BIND_HOST: '127.0.0.1',
      ...(mode === 'private' ? { SAGEPACK_WEIGHTS: 'private' } : {}),
      ...(workers === 'default' ? {} : { SAGEMAKER_MODEL_SERVER_WORKERS: workers }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const forget = onCleanup({
    graceful: async () => void child.kill('SIGKILL'),
    immediate: () => child.kill('SIGKILL'),
  })
  const memory = watchMemory(child.pid as number)
  try {
    const url = `http://127.0.0.1:${port}`
    await waitFor200(`${url}/ping`, child, () => output)
    const startS = (performance.now() - spawnedAt) / 1000
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const loaded = memory.now()
    const answer = await probe(`${url}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      timeoutMs: 60_000,
    })
    if (answer.status !== 200) throw new Error(`/invocations answered ${answer.status}: ${answer.body}`)
    const load = await measureLoad(url, [body], { rows: 1, connections }, { durationS, warmupS: 2 })
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const steady = memory.now()
    return {
      workers,
      mode,
      plan: /serving plan: .*/.exec(output)?.[0] ?? '',
      printedStart: /([0-9.]+) s after the process started/.exec(output)?.[1] ?? '',
      startS,
      requestsPerS: load.requestsPerS,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      answer: answer.body,
      peak: memory.peak(),
      loaded,
      steady,
    }
  } finally {
    memory.stop()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('close', resolve))
    forget()
  }
}

async function waitFor200(url: string, child: ReturnType<typeof spawn>, output: () => string): Promise<void> {
  const deadline = performance.now() + 180_000
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the runtime exited with ${child.exitCode}:\n${output()}`)
    const status = await probe(url, { timeoutMs: 2000 }).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${url} did not answer 200 within 180 s:\n${output()}`)
}

/** runtime.mjs as the image runs it, built fresh from this checkout into the CLI's dist/ (removed on exit). */
async function buildRuntimeForBench(): Promise<string> {
  await mkdir(RUNTIME_BUILDS, { recursive: true })
  const outDir = await mkdtemp(join(RUNTIME_BUILDS, 'runtime-bench-'))
  onCleanup({
    graceful: () => rm(outDir, { recursive: true, force: true }),
    immediate: () => void rm(outDir, { recursive: true, force: true }),
  })
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), BUILD_RUNTIME, outDir], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`building runtime.mjs failed (${code})`)),
    )
  })
  return join(outDir, 'runtime.mjs')
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
  .finally(() => cleanUpAll())
