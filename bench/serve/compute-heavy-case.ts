// The batching case: a model where compute dominates (compute-heavy-bundle.ts), 64 connections each
// sending one row, against the same runtime with batching off (SAGEPACK_MAX_BATCH_ROWS=1): one predict
// call per request. Both servers run at once (the idle one costs no CPU) and are measured in turns,
// medians reported; the bare onnxruntime cost of one row and of 64 is timed after they stopped.
import type { BenchSettings } from './bench-settings'
import { type CallTiming, SESSION_OPTIONS, timeCalls } from './compute-floor'
import { HEAVY_HIDDEN_UNITS, prepareComputeHeavyBundle } from './compute-heavy-bundle'
import { invocationBodies } from './iris-inputs'
import { type LoadResult, measureLoad } from './load-run'
import { medianOf } from './medians'
import { SAGEPACK_BIN, WORKSPACE_ROOT } from './prepare-iris-bundle'
import { freePort, type ServerProcess, startServer } from './server-process'
import { type StageMedians, stageMedians } from './server-timing-medians'

const HEAVY_CONNECTIONS = 64
/** Rows of the second bare timing: what one batch of the 64 connections holds at most. */
const BATCH_OF_CONNECTIONS = HEAVY_CONNECTIONS

export interface HeavyTarget {
  /** Batching on must serve at least this many times the rows/s of batching off. */
  minRowsShare: number
  /** Batching on's p99 must stay within this many times batching off's. */
  maxP99Share: number
}

export const HEAVY_TARGET: HeavyTarget = { minRowsShare: 3, maxP99Share: 2 }

export interface ComputeHeavyResult {
  hiddenUnits: readonly number[]
  connections: number
  /** What each server was started with, besides the model. */
  modes: { on: string; off: string }
  /** Medians over the repeats; every request is one row, so req/s is rows/s. */
  on: LoadResult
  off: LoadResult
  onRuns: LoadResult[]
  offRuns: LoadResult[]
  /** Server-Timing medians over every answer of the measured runs. */
  onStages: StageMedians
  offStages: StageMedians
  /** Bare onnxruntime session.run with the runtime's session options. */
  ort: { oneRow: CallTiming; batch: CallTiming & { rows: number } }
}

export async function measureComputeHeavy(
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ComputeHeavyResult> {
  const heavy = await prepareComputeHeavyBundle(progress)
  const modes = { on: 'batching from the model config (4096 rows, 0 ms)', off: 'SAGEPACK_MAX_BATCH_ROWS=1' }
  const on = await startHeavy('batching on', heavy.bundle, settings.workers, {})
  const off = await startHeavy('batching off', heavy.bundle, settings.workers, {
    SAGEPACK_MAX_BATCH_ROWS: '1',
  })
  const bodies = invocationBodies(1)
  const load = { rows: 1, connections: HEAVY_CONNECTIONS }
  const runs = { on: [] as LoadResult[], off: [] as LoadResult[] }
  const headers = { on: [] as string[], off: [] as string[] }
  try {
    for (let repeat = 1; repeat <= settings.repeats; repeat++) {
      for (const [key, server] of [
        ['on', on],
        ['off', off],
      ] as const) {
        const result = await measureLoad(server.url, bodies, load, settings, headers[key]).catch(
          (error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error)
            throw new Error(`${reason}\n--- ${server.name} output ---\n${server.output()}`)
          },
        )
        runs[key].push(result)
        progress(
          `heavy b=1 c=${HEAVY_CONNECTIONS} run ${repeat}/${settings.repeats} ${server.name}: ` +
            `${Math.round(result.requestsPerS)} rows/s, p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`,
        )
      }
    }
  } finally {
    await Promise.all([on.stop(), off.stop()])
  }
  progress('timing the compute-heavy model in bare onnxruntime')
  const ort = await bareCost(heavy.modelDir, settings)
  return {
    hiddenUnits: HEAVY_HIDDEN_UNITS,
    connections: HEAVY_CONNECTIONS,
    modes,
    on: medianOf(runs.on),
    off: medianOf(runs.off),
    onRuns: runs.on,
    offRuns: runs.off,
    onStages: stageMedians(headers.on),
    offStages: stageMedians(headers.off),
    ort,
  }
}

async function startHeavy(
  name: string,
  bundle: string,
  workers: number,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort()
  return startServer({
    name,
    args: [
      SAGEPACK_BIN,
      'serve',
      'iris',
      '--bundle',
      bundle,
      '--port',
      String(port),
      '--workers',
      String(workers),
    ],
    url: `http://127.0.0.1:${port}`,
    cwd: WORKSPACE_ROOT,
    env: { SAGEPACK_ACCESS_LOG: '0', ...env },
    readyTimeoutMs: 120_000,
  })
}

async function bareCost(modelDir: string, settings: BenchSettings): Promise<ComputeHeavyResult['ort']> {
  const ort = await import('onnxruntime-node')
  const session = await ort.InferenceSession.create(`${modelDir}/model.onnx`, { ...SESSION_OPTIONS })
  const input = session.inputNames[0] as string
  const output = session.outputNames[0] as string
  const timed = async (rows: number) => {
    const features = new Float32Array(rows * 4).map((_, i) => ((i * 7) % 13) / 13 - 0.5)
    const run = () => session.run({ [input]: new ort.Tensor('float32', features, [rows, 4]) }, [output])
    const repeats: CallTiming[] = []
    for (let repeat = 0; repeat < settings.repeats; repeat++)
      repeats.push(await timeCalls(run, settings.computeS))
    return medianOf(repeats)
  }
  try {
    return {
      oneRow: await timed(1),
      batch: { ...(await timed(BATCH_OF_CONNECTIONS)), rows: BATCH_OF_CONNECTIONS },
    }
  } finally {
    await session.release()
  }
}
