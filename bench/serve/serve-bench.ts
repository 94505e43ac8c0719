// Benchmarks `sagepack serve` on iris against its floors in one run: a bare node:http server (the HTTP
// floor), the same server answering from a worker thread (the thread-hop floor), that thread also
// running the model and encoding its answer (the model floor, model-floor.ts), and bare onnxruntime
// session.run calls (the compute floor), plus ONNX vs tfjs-cpu; then adaptive batching on and off on
// a model where compute dominates (compute-heavy-case.ts).
// Run: cd bench && pnpm exec tsx serve/serve-bench.ts   (settings: see bench-settings.ts)
import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BATCH_ROWS, BENCH_CASES } from './bench-cases'
import { type CaseResult, formatReport, type ServeBenchReport, writeReportJson } from './bench-report'
import { readBenchSettings } from './bench-settings'
import { measureComputeFloor } from './compute-floor'
import { measureComputeHeavy } from './compute-heavy-case'
import { cleanUpAll } from './exit-cleanup'
import { probe } from './http-probe'
import { invocationBodies, ROWS_HEADER } from './iris-inputs'
import { type LoadResult, measureLoad } from './load-run'
import { medianOf } from './medians'
import { prepareIrisBundle, SAGEPACK_BIN, WORKSPACE_ROOT } from './prepare-iris-bundle'
import { freePort, type ServerProcess, startServer } from './server-process'
import { stageMedians } from './server-timing-medians'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const RESULTS_FILE = join(HERE, 'results', 'latest.json')
const FLOOR_SERVER = join(HERE, 'http-floor-server.ts')

/** The run that collects sagepack's Server-Timing headers, after the measured ones (the server is warm). */
const TIMINGS_RUN = { durationS: 2, warmupS: 0 }

const progress = (line: string) => process.stderr.write(`[serve-bench] ${line}\n`)

async function main(): Promise<void> {
  const settings = readBenchSettings()
  const startedAt = new Date().toISOString()
  const iris = await prepareIrisBundle(progress)
  const bodies = new Map(BATCH_ROWS.map((rows) => [rows, invocationBodies(rows)]))

  const sagepackPort = await freePort()
  progress(`starting sagepack serve on :${sagepackPort} with ${settings.workers} workers`)
  const sagepack = await startServer({
    name: 'sagepack serve',
    args: [
      SAGEPACK_BIN,
      'serve',
      'iris',
      '--bundle',
      iris.bundle,
      '--port',
      String(sagepackPort),
      '--workers',
      String(settings.workers),
    ],
    url: `http://127.0.0.1:${sagepackPort}`,
    cwd: WORKSPACE_ROOT,
    // One line per request would be measured too; the runtime's default is off, and so it stays.
    env: { SAGEPACK_ACCESS_LOG: '0' },
    readyTimeoutMs: 120_000,
  })

  // sagepack's real answers become the floor's canned answers: the same bytes go back over HTTP.
  const answers: Record<string, string> = {}
  for (const [rows, variants] of bodies)
    answers[rows] = await invokeChecked(sagepack, rows, variants[0] ?? '')
  const cannedFile = join(iris.root, 'canned-answers.json')
  await writeFile(cannedFile, JSON.stringify(answers))

  const floor = await startFloor('HTTP floor', cannedFile, [])
  const hopFloor = await startFloor('thread-hop floor', cannedFile, ['thread'])
  const modelFloor = await startFloor('model floor', cannedFile, ['model', iris.modelDir])
  for (const server of [floor, hopFloor, modelFloor]) {
    for (const [rows, variants] of bodies) {
      const answer = await invokeChecked(server, rows, variants[0] ?? '')
      // The model floor computes its answer: the same predictions, without sagepack's warnings.
      const same =
        server === modelFloor ? samePredictions(answer, answers[rows] ?? '') : answer === answers[rows]
      if (!same) throw new Error(`the ${server.name}'s answer for ${rows} rows is not sagepack's`)
    }
  }

  const cases: CaseResult[] = []
  for (const benchCase of BENCH_CASES) {
    const caseBodies = bodies.get(benchCase.rows) ?? []
    const runs = {
      sagepack: [] as LoadResult[],
      floor: [] as LoadResult[],
      hopFloor: [] as LoadResult[],
      modelFloor: [] as LoadResult[],
    }
    const serverTimings: string[] = []
    for (let repeat = 1; repeat <= settings.repeats; repeat++) {
      for (const [key, server] of [
        ['sagepack', sagepack],
        ['floor', floor],
        ['hopFloor', hopFloor],
        ['modelFloor', modelFloor],
      ] as const) {
        const result = await measureLoad(server.url, caseBodies, benchCase, settings).catch(
          (error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error)
            throw new Error(`${reason}\n--- ${server.name} output ---\n${server.output()}`)
          },
        )
        runs[key].push(result)
        progress(
          `b=${benchCase.rows} c=${benchCase.connections} run ${repeat}/${settings.repeats} ${server.name}: ` +
            `${Math.round(result.requestsPerS)} req/s, p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`,
        )
      }
    }
    // sagepack's Server-Timing headers come from a run of their own: handing autocannon a response
    // callback makes it keep every answer's body, CPU that the load generator takes from the two cores
    // it shares with the server (sagepack's 64-row rates were 14-31% higher without it, in two runs), and
    // the floors pay none.
    await measureLoad(sagepack.url, caseBodies, benchCase, TIMINGS_RUN, serverTimings)
    cases.push({
      case: benchCase,
      sagepack: medianOf(runs.sagepack),
      floor: medianOf(runs.floor),
      hopFloor: medianOf(runs.hopFloor),
      modelFloor: medianOf(runs.modelFloor),
      sagepackRuns: runs.sagepack,
      floorRuns: runs.floor,
      hopFloorRuns: runs.hopFloor,
      modelFloorRuns: runs.modelFloor,
      sagepackStages: stageMedians(serverTimings),
    })
  }

  progress('stopping the servers (SIGTERM)')
  await Promise.all([sagepack.stop(), floor.stop(), hopFloor.stop(), modelFloor.stop()])

  progress(`timing the compute floor and tfjs (${settings.computeS} s per library, batch and repeat)`)
  const compute = await measureComputeFloor(iris.modelDir, BATCH_ROWS, settings.computeS, settings.repeats)

  progress('adaptive batching on a compute-heavy model: batching on and off')
  const computeHeavy = await measureComputeHeavy(settings, progress)

  const report: ServeBenchReport = {
    startedAt,
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    settings,
    runId: basename(iris.runDir),
    requestFormat: 'application/json',
    sizes: BATCH_ROWS.map((rows) => ({
      rows,
      requestBytes: Buffer.byteLength(bodies.get(rows)?.[0] ?? ''),
      answerBytes: Buffer.byteLength(answers[rows] ?? ''),
    })),
    cases,
    compute,
    computeHeavy,
  }
  process.stdout.write(formatReport(report))
  await writeReportJson(RESULTS_FILE, report)
  progress(`wrote ${RESULTS_FILE}`)
}

function startFloor(name: string, cannedFile: string, mode: string[]): Promise<ServerProcess> {
  return freePort().then((port) => {
    progress(`starting the ${name} on :${port}`)
    return startServer({
      name,
      args: ['--import', import.meta.resolve('tsx'), FLOOR_SERVER, String(port), cannedFile, ...mode],
      url: `http://127.0.0.1:${port}`,
      cwd: HERE,
    })
  })
}

/** The same rows, classes and probabilities (to the bit: the same model on the same float32 inputs). */
function samePredictions(answer: string, expected: string): boolean {
  const predictions = (text: string) =>
    JSON.stringify((JSON.parse(text) as { predictions?: unknown }).predictions)
  return predictions(answer) === predictions(expected)
}

/** One request with a check that the answer has one prediction per row; returns the answer's body. */
async function invokeChecked(server: ServerProcess, rows: number, body: string): Promise<string> {
  const response = await probe(`${server.url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', [ROWS_HEADER]: String(rows) },
    body,
  })
  let predictions: unknown
  try {
    predictions = (JSON.parse(response.body) as { predictions?: unknown }).predictions
  } catch {
    predictions = undefined
  }
  if (response.status !== 200 || !Array.isArray(predictions) || predictions.length !== rows) {
    throw new Error(
      `${server.name} answered ${response.status} to ${rows} rows: ${response.body.slice(0, 500)}\n` +
        `--- ${server.name} output ---\n${server.output()}`,
    )
  }
  return response.body
}

try {
  await main()
} catch (error) {
  process.stderr.write(
    `serve-bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  )
  process.exitCode = 1
} finally {
  await cleanUpAll()
}
