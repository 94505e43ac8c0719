// The adaptive batcher on real worker threads: which rows share a predict call (as the model's
// predictor records them), the order of the answers, the batch window, and fault isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputRow, RunnerResponse } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { bodyText } from '../handler/response-body'
import {
  IRIS_FEATURES,
  IRIS_ROWS,
  removeModelDirs,
  writeModelDir,
} from '../model-dir/test-fixtures/write-model-dir'
import type { BatchingOverrides } from './batching-settings'
import { createInProcessRunner, type InProcessRunner } from './in-process-runner'
import {
  BATCH_RECORDING_HANDLER,
  holdPredictCalls,
  predictCallRows,
} from './test-fixtures/batch-recording-handler'
import { type BundledWorker, buildBundledWorker } from './test-fixtures/bundled-worker'
import { FAULT_HANDLER } from './test-fixtures/fault-handler'
import { createWorkerPool, type WorkerPool } from './worker-pool'

let bundled: BundledWorker
/** The same seeded model answering in process: what every batched answer must equal. */
let reference: InProcessRunner
const pools: WorkerPool[] = []
beforeAll(async () => {
  bundled = await buildBundledWorker()
  reference = await createInProcessRunner((await writeModelDir()).dir)
})
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()))
  await reference?.close()
  await removeModelDirs()
  await bundled?.remove()
})

async function startPool(
  batching: BatchingOverrides,
  options: { config?: Record<string, unknown>; handler?: string } = {},
): Promise<{ pool: WorkerPool; dir: string }> {
  const { dir } = await writeModelDir({
    handler: options.handler ?? BATCH_RECORDING_HANDLER,
    ...(options.config ? { config: options.config } : {}),
  })
  const pool = await createWorkerPool({ modelDir: dir, workers: 1, workerScript: bundled.script, batching })
  pools.push(pool)
  await pool.whenReady()
  return { pool, dir }
}

/** A request of `count` rows, none like another request's (`seed` shifts every value). */
function rowsOf(count: number, seed: number): InputRow[] {
  return Array.from({ length: count }, (_, row) => {
    const base = IRIS_ROWS[row % IRIS_ROWS.length] as Record<string, number>
    return Object.fromEntries(
      IRIS_FEATURES.map((name) => [name, (base[name] as number) + seed / 10 + row / 100]),
    )
  })
}

const send = (runner: WorkerPool | InProcessRunner, rows: InputRow[]) =>
  runner.invoke({
    body: JSON.stringify({ instances: rows }),
    contentType: 'application/json',
    accept: 'application/json',
    customAttributes: undefined,
  })

const predictionsOf = (response: RunnerResponse) =>
  JSON.parse(bodyText(response.body)).predictions as unknown[]

/**
 * Sends one row and holds its predict call; `send` the calls that are to queue up behind it, then
 * release it: they are the worker's next batches.
 */
async function occupyWorker(pool: WorkerPool, dir: string): Promise<{ release(): Promise<RunnerResponse> }> {
  const release = await holdPredictCalls(dir)
  const blocker = send(pool, rowsOf(1, 99))
  await expect.poll(() => predictCallRows(dir), { timeout: 10_000, interval: 5 }).toEqual([1])
  return {
    async release() {
      // Messages posted before this are taken off the worker's port before it next looks for the file.
      await new Promise((resolve) => setTimeout(resolve, 20))
      await release()
      return blocker
    },
  }
}

describe('the batcher', () => {
  it('packs queued requests into predict calls of at most maxRows rows, never splitting one, answers in order', async () => {
    const { pool, dir } = await startPool({ maxRows: 8, maxDelayMs: 0 })
    const blocker = await occupyWorker(pool, dir)
    const sizes = [3, 3, 3, 2, 5, 1, 8, 20, 2]
    const requests = sizes.map((count, seed) => rowsOf(count, seed))
    const sent = requests.map((rows) => send(pool, rows))
    await blocker.release()
    const answers = await Promise.all(sent)
    // In arrival order: 3+3 (a third 3 would make 9), 3+2 (5 more would make 10), 5+1 (8 more: 14),
    // 8 alone (full), 20 alone in calls of 8, 8 and 4, then the last 2.
    expect(await predictCallRows(dir)).toEqual([1, 6, 5, 6, 8, 8, 8, 4, 2])
    const expected = await Promise.all(requests.map((rows) => send(reference, rows)))
    expect(answers.map(predictionsOf)).toEqual(expected.map(predictionsOf))
    for (const [index, answer] of answers.entries())
      expect(predictionsOf(answer)).toHaveLength(sizes[index] as number)
  }, 30_000)

  it('fails a request that does not fit alone, and gives it no room in its batch', async () => {
    const { pool, dir } = await startPool({ maxRows: 4, maxDelayMs: 0 })
    const blocker = await occupyWorker(pool, dir)
    const bad = rowsOf(2, 1).map((row, index) => (index === 1 ? { ...row, sepal_width: 'narrow' } : row))
    const sent = Promise.allSettled([send(pool, rowsOf(2, 0)), send(pool, bad), send(pool, rowsOf(2, 2))])
    await blocker.release()
    const settled = await sent
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const error = (settled[1] as PromiseRejectedResult).reason as InvocationError
    expect(error).toBeInstanceOf(InvocationError)
    expect([error.status, error.where]).toEqual([400, { row: 1, field: 'sepal_width' }])
    // The two good requests shared one call of 4 rows.
    expect(await predictCallRows(dir)).toEqual([1, 4])
  }, 30_000)

  it('with delay 0, answers a lone request without waiting; its queue time is near nothing', async () => {
    const { pool, dir } = await startPool({ maxRows: 64, maxDelayMs: 0 })
    await send(pool, rowsOf(1, 0))
    const started = performance.now()
    const answer = await send(pool, rowsOf(1, 1))
    expect(performance.now() - started).toBeLessThan(150)
    expect(answer.timings?.queue).toBeLessThan(50)
    expect(await predictCallRows(dir)).toEqual([1, 1])
  }, 30_000)

  it('with a delay, collects the requests that arrive within the window into one call, then closes it', async () => {
    const { pool, dir } = await startPool({ maxRows: 64, maxDelayMs: 600 })
    const started = performance.now()
    const first = send(pool, rowsOf(1, 0))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = send(pool, rowsOf(2, 1))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const third = send(pool, rowsOf(1, 2))
    const answers = await Promise.all([first, second, third])
    // The first waited out the window: its queue time says so. The window counts from its arrival in
    // the worker, and its decode, validate and preprocess ran inside the window (on a loaded machine
    // they took 100 ms of it), so those and its queue time cover the window together.
    expect(performance.now() - started).toBeGreaterThanOrEqual(600)
    const firstTimings = answers[0]?.timings
    expect(firstTimings).toBeDefined()
    const { queue, decode, validate, preprocess } = firstTimings as NonNullable<typeof firstTimings>
    expect(queue + decode + validate + preprocess).toBeGreaterThanOrEqual(599)
    expect(await predictCallRows(dir)).toEqual([4])
    // A later request opens a window of its own.
    await send(pool, rowsOf(1, 3))
    expect(await predictCallRows(dir)).toEqual([4, 1])
  }, 30_000)

  it('closes the window early once the batch holds maxRows rows', async () => {
    const { pool, dir } = await startPool({ maxRows: 3, maxDelayMs: 5_000 })
    const started = performance.now()
    const first = send(pool, rowsOf(1, 0))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await Promise.all([first, send(pool, rowsOf(2, 1))])
    expect(performance.now() - started).toBeLessThan(2_500)
    expect(await predictCallRows(dir)).toEqual([3])
  }, 30_000)

  it("takes its settings from the bundle's config, and the overrides over it", async () => {
    const config = { serve: { batching: { maxRows: 2, maxDelayMs: 0 } } }
    const fromConfig = await startPool({}, { config })
    expect(fromConfig.pool.batching).toEqual({
      maxRows: 2,
      maxDelayMs: 0,
      sources: { maxRows: 'config.json', maxDelayMs: 'config.json' },
    })
    const overridden = await startPool({ maxRows: 3 }, { config })
    expect(overridden.pool.batching.maxRows).toBe(3)
    expect(overridden.pool.batching.sources).toEqual({ maxRows: 'env', maxDelayMs: 'config.json' })
    for (const { pool, dir } of [fromConfig, overridden]) {
      const blocker = await occupyWorker(pool, dir)
      const sent = Promise.all([1, 1, 1, 1].map((count, seed) => send(pool, rowsOf(count, seed))))
      await blocker.release()
      await sent
    }
    expect(await predictCallRows(fromConfig.dir)).toEqual([1, 2, 2])
    expect(await predictCallRows(overridden.dir)).toEqual([1, 3, 1])
  }, 30_000)

  it('keeps fault isolation: a request that kills the thread fails alone, its batch and carried request are answered', async () => {
    const { pool } = await startPool({ maxRows: 2, maxDelayMs: 0 }, { handler: FAULT_HANDLER })
    const row = (fault?: string) => [
      { ...(IRIS_ROWS[0] as Record<string, number>), ...(fault ? { fault } : {}) },
    ]
    for (const fault of ['exit', 'tick']) {
      const settled = await Promise.allSettled([
        send(pool, row()),
        send(pool, row()),
        send(pool, row()),
        send(pool, row(fault)),
        send(pool, row()),
        send(pool, row()),
      ])
      expect(settled.map((result) => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ])
      const error = (settled[3] as PromiseRejectedResult).reason as InvocationError
      expect([error.status, error.message]).toEqual([
        500,
        expect.stringMatching(/^the worker thread running this invocation stopped: /),
      ])
    }
  }, 60_000)
})
