import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputRow, InvocationContext, RunnerResponse } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { bodyText } from '../handler/response-body'
import { invocationErrorOf } from '../handler/test-fixtures/invocation-error-of'
import {
  IRIS_FEATURES,
  IRIS_ROWS,
  IRIS_TRAINING_RANGES,
  removeModelDirs,
  writeModelDir,
} from '../model-dir/test-fixtures/write-model-dir'
import { createInProcessRunner } from './in-process-runner'
import { type BundledWorker, buildBundledWorker } from './test-fixtures/bundled-worker'
import { FAULT_HANDLER } from './test-fixtures/fault-handler'
import { GROUP_RECORDING_WORKER } from './test-fixtures/group-recording-worker'
import { invokeRows } from './test-fixtures/invoke-rows'
import { POOL_HANDLER } from './test-fixtures/pool-handler'
import { createWorkerPool, type WorkerPool } from './worker-pool'

/** Bundled as in the runtime image, for tests that restart workers: a replacement loads far sooner. */
let bundled: BundledWorker
beforeAll(async () => {
  bundled = await buildBundledWorker()
})
afterAll(async () => {
  await removeModelDirs()
  await bundled?.remove()
})

const asks = (customAttributes?: string): InvocationContext => ({ customAttributes })

/** Requests of 1 to 3 rows, objects and arrays mixed, as many clients would send them. */
function requests(count: number): InputRow[][] {
  return Array.from({ length: count }, (_, index) =>
    Array.from({ length: 1 + (index % 3) }, (_, row) => {
      const base = IRIS_ROWS[(index + row) % IRIS_ROWS.length] as Record<string, number>
      const scaled = Object.fromEntries(
        IRIS_FEATURES.map((name) => [name, (base[name] as number) + index / 10]),
      )
      return row % 2 === 0 ? scaled : IRIS_FEATURES.map((name) => scaled[name])
    }),
  )
}

describe('createWorkerPool', () => {
  let pool: WorkerPool
  const logged: string[] = []

  beforeAll(async () => {
    const { dir } = await writeModelDir({ handler: POOL_HANDLER })
    pool = await createWorkerPool({ modelDir: dir, workers: 2, log: (line) => logged.push(line) })
  })
  afterAll(() => pool.close())

  it('is ready only once every worker has loaded the model', async () => {
    expect(pool.size).toBe(2)
    expect(pool.bundle.manifest.name).toBe('iris')
    expect(pool.ready).toBe(false)
    await pool.whenReady()
    expect(pool.ready).toBe(true)
  })

  it('spreads concurrent calls over the workers and answers exactly as in process', async () => {
    const { dir } = await writeModelDir()
    const inProcess = await createInProcessRunner(dir)
    const batch = requests(40)
    const expected = await Promise.all(batch.map((rows) => invokeRows(inProcess, rows, asks())))
    const got = await Promise.all(batch.map((rows) => invokeRows(pool, rows, asks('sleep:5'))))
    expect(got.map((result) => result.predictions)).toEqual(expected.map((result) => result.predictions))
    expect(new Set(got.map((result) => result.responseAttributes)).size).toBe(2)
    await inProcess.close()
  })

  it('keeps the main event loop free while a worker is busy for a second', async () => {
    let last = performance.now()
    let longestGap = 0
    const timer = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 10)
    const started = performance.now()
    await invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks('busy:1000'))
    clearInterval(timer)
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000)
    expect(longestGap).toBeLessThan(250)
  })

  it('fails the calls of a crashed worker with a 500 and replaces the worker', async () => {
    const threadsAnswering = async () => {
      const results = await Promise.all(
        [0, 1].map(() => invokeRows(pool, [IRIS_ROWS[2] ?? {}], asks('sleep:20'))),
      )
      return new Set(results.map((result) => result.responseAttributes))
    }
    const before = await threadsAnswering()
    expect(before.size).toBe(2)

    const crashed = await invocationErrorOf(invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks('crash')))
    expect(crashed.status).toBe(500)
    expect(crashed.message).toBe(
      'the worker thread running this invocation stopped: the worker blew up ' +
        '(it stopped while working on this request, so the request is not run again)',
    )
    expect(logged.join('\n')).toMatch(
      /a worker thread stopped \(the worker blew up\); starting a replacement/,
    )
    // The other worker keeps serving while the replacement loads.
    expect(pool.ready).toBe(true)
    expect((await invokeRows(pool, [IRIS_ROWS[1] ?? {}], asks())).predictions).toHaveLength(1)

    let after = new Set<string | undefined>()
    await expect
      .poll(
        async () => {
          after = await threadsAnswering()
          return after.size
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(2)
    expect([...after].filter((thread) => !before.has(thread))).toHaveLength(1)
  })

  it('passes 400s from the handler through', async () => {
    const error = await invocationErrorOf(
      invokeRows(pool, [{ ...IRIS_ROWS[0], sepal_width: 'narrow' }], asks()),
    )
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/^row 0 \(counting from 0\), field 'sepal_width': /)
  })
})

describe('the calls given to a worker', () => {
  it('go over at once to an idle worker, and as one message to a busy one at the end of the turn', async () => {
    const { dir } = await writeModelDir()
    const pool = await createWorkerPool({ modelDir: dir, workers: 1, workerScript: GROUP_RECORDING_WORKER })
    try {
      await pool.whenReady()
      const small = { body: '{}', contentType: 'application/json', accept: 'application/json' }
      // Each answer's body is the number of calls in the message that carried it.
      const groupSizes = async (count: number, request = small) =>
        (await Promise.all(Array.from({ length: count }, () => pool.invoke(request)))).map((answer) =>
          Number(bodyText(answer.body)),
        )
      expect(await groupSizes(1)).toEqual([1])
      expect(await groupSizes(5)).toEqual([1, 4, 4, 4, 4])
      // Its answers come back as one message, one turn later: the worker is idle again by then.
      expect(await groupSizes(3)).toEqual([1, 2, 2])
      // Large calls go at once even to a busy worker: it has work enough to start on.
      const large = { ...small, body: JSON.stringify({ pad: 'x'.repeat(1024) }) }
      expect(await groupSizes(3, large)).toEqual([1, 1, 1])
    } finally {
      await pool.close()
    }
  })
})

describe("a batch's results, settled as one message", () => {
  it('carry each request its own warnings, stage timings, and the row and field of its 400', async () => {
    const { dir } = await writeModelDir({ withSchema: true })
    const pool = await createWorkerPool({ modelDir: dir, workers: 1, workerScript: bundled.script })
    try {
      await pool.whenReady()
      const send = (rows: InputRow[]) =>
        pool.invoke({
          body: JSON.stringify({ instances: rows }),
          contentType: 'application/json',
          accept: 'application/json',
          customAttributes: undefined,
        })
      const [first, second] = IRIS_ROWS as [Record<string, number>, Record<string, number>]
      // Sent in one tick: the first runs alone while the rest queue in the worker as its next batch.
      const settled = await Promise.allSettled([
        send([first]),
        send([second]),
        send([first, { ...second, petal_length: 9.5 }]),
        send([{ ...first, sepal_width: undefined }]),
        send([second]),
      ])
      const [plain, again, outside, refused, last] = settled
      for (const answer of [plain, again, outside, last]) expect(answer?.status).toBe('fulfilled')
      const responses = [plain, again, outside, last].map(
        (answer) => (answer as PromiseFulfilledResult<RunnerResponse>).value,
      )
      const body = (response: RunnerResponse) => JSON.parse(bodyText(response.body))
      expect(body(responses[2] as RunnerResponse).warnings).toEqual([
        {
          row: 1,
          field: 'petal_length',
          message: `9.5 is above the range seen in training (${IRIS_TRAINING_RANGES.petal_length.min} to ${IRIS_TRAINING_RANGES.petal_length.max}); the answer is an extrapolation`,
        },
      ])
      expect(responses[2]?.warningCount).toBe(1)
      expect(JSON.parse(responses[2]?.warningsHeader ?? '')).toEqual([
        { row: 1, field: 'petal_length', message: expect.stringContaining('9.5 is above') },
      ])
      for (const index of [0, 1, 3]) {
        expect(responses[index]?.warningCount).toBeUndefined()
        expect(body(responses[index] as RunnerResponse).warnings).toBeUndefined()
      }
      for (const response of responses) {
        expect(Object.keys(response.timings ?? {}).sort()).toEqual(
          ['decode', 'encode', 'postprocess', 'predict', 'preprocess', 'queue', 'validate'].sort(),
        )
        expect(response.timings?.predict).toBeGreaterThan(0)
      }
      // The first started at once; those that reached the worker while it was being prepared may join its
      // call (a loaded machine delivers them that fast), the rest shared one call of their own after it.
      // Each reports the time of the call it was in. How long the later ones queued depends on when their
      // messages arrived (on a loaded CI machine, after the first call had ended), so only its sign is
      // checked here; request-batcher.test.ts holds a call to measure a queue.
      const predictOf = (response: RunnerResponse | undefined) => response?.timings?.predict ?? 0
      const firstCall = predictOf(responses[0])
      const later = responses.filter((response) => predictOf(response) !== firstCall)
      expect(new Set(later.map(predictOf)).size).toBeLessThanOrEqual(1)
      for (const response of later) expect(response.timings?.queue).toBeGreaterThanOrEqual(0)
      expect(refused?.status).toBe('rejected')
      const error = (refused as PromiseRejectedResult).reason
      expect(error).toBeInstanceOf(InvocationError)
      expect({ status: error.status, where: error.where }).toEqual({
        status: 400,
        where: { row: 0, field: 'sepal_width' },
      })
      expect(error.message).toMatch(/^row 0 \(counting from 0\), field 'sepal_width': is missing\n/)
    } finally {
      await pool.close()
    }
  })
})

describe('a call that runs past the invocation timeout', () => {
  it('fails the hung call alone with a 500 naming the timeout; the call queued behind it goes to the replacement', async () => {
    const { dir } = await writeModelDir({ handler: POOL_HANDLER })
    const logged: string[] = []
    const pool = await createWorkerPool({
      modelDir: dir,
      workers: 1,
      workerScript: bundled.script,
      // The same timeout bounds the wait for the replacement to load: 3 s leaves a loaded CI machine room
      // (a replacement took over 1 s there while the model packages' tests ran beside this one).
      invocationTimeoutMs: 3000,
      log: (line) => logged.push(line),
    })
    await pool.whenReady()
    const started = performance.now()
    // Synchronous for 20 s: only terminating the thread can stop it.
    const hung = invocationErrorOf(invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks('busy:20000')))
    const queued = invokeRows(pool, [IRIS_ROWS[1] ?? {}], asks())
    const error = await hung
    expect(performance.now() - started).toBeGreaterThanOrEqual(3_000)
    expect(performance.now() - started).toBeLessThan(8_000)
    expect(error.status).toBe(500)
    expect(error.message).toBe(
      'the worker thread running this invocation stopped: an invocation ran for more than 3 s ' +
        '(SAGEMAKER_MODEL_SERVER_TIMEOUT), so its worker thread was restarted; make the handler faster, ' +
        'send fewer rows per request, or raise the timeout (it stopped while working on this request, so ' +
        'the request is not run again)',
    )
    expect(logged.join('\n')).toMatch(/a worker thread stopped \(an invocation ran for more than 3 s/)
    // The pool stayed ready while the replacement loaded, and the waiting call ran on it.
    expect(pool.ready).toBe(true)
    expect((await queued).predictions).toHaveLength(1)
    // Calls that finish in time are untouched by the timeout.
    expect((await invokeRows(pool, [IRIS_ROWS[2] ?? {}], asks('sleep:100'))).predictions).toHaveLength(1)
    expect(pool.size).toBe(1)
    await pool.close()
  })
})

describe('readiness', () => {
  it('holds through a restart; turns false only when replacements fail to load again and again', async () => {
    const { dir } = await writeModelDir({ handler: FAULT_HANDLER })
    const logged: string[] = []
    const pool = await createWorkerPool({
      modelDir: dir,
      workers: 1,
      workerScript: bundled.script,
      log: (line) => logged.push(line),
    })
    await pool.whenReady()
    const faulty = [{ ...IRIS_ROWS[0], fault: 'exit' }]
    expect((await invocationErrorOf(invokeRows(pool, faulty, asks()))).status).toBe(500)
    // No worker is loaded now, yet the model is: a call waits for the replacement.
    expect(pool.ready).toBe(true)
    expect((await invokeRows(pool, [IRIS_ROWS[1] ?? {}], asks())).predictions).toHaveLength(1)

    await writeFile(join(dir, 'refuse-loads'), '')
    expect((await invocationErrorOf(invokeRows(pool, faulty, asks()))).status).toBe(500)
    expect(pool.ready).toBe(true)
    const waiting = invocationErrorOf(invokeRows(pool, [IRIS_ROWS[1] ?? {}], asks()))
    await expect.poll(() => pool.ready, { timeout: 15_000, interval: 50 }).toBe(false)
    expect(logged.filter((line) => line.includes('failed to load the model'))).toHaveLength(3)
    const refused = await waiting
    expect([refused.status, refused.message]).toEqual([
      500,
      `the model is not loaded: ${join(dir, 'code', 'inference.mjs')}: load failed: the weights are unreadable`,
    ])
    await pool.close()
  }, 30_000)
})

describe('WorkerPool.close', () => {
  it('lets running calls finish, refuses new ones, then stops the workers', async () => {
    const { dir } = await writeModelDir({ handler: POOL_HANDLER })
    const pool = await createWorkerPool({ modelDir: dir, workers: 1 })
    await pool.whenReady()
    const running = invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks('sleep:300'))
    const closed = pool.close()
    expect(pool.ready).toBe(false)
    const refused = await invocationErrorOf(invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks()))
    expect([refused.status, refused.message]).toEqual([500, 'the model server is shutting down'])
    let finished = false
    void running.then(() => {
      finished = true
    })
    await closed
    expect(finished).toBe(true)
    expect((await running).predictions).toHaveLength(1)
    expect(pool.size).toBe(0)
  })
})

describe('a model that cannot be loaded', () => {
  it('fails on the main thread when the bundle itself is broken', async () => {
    const { dir } = await writeModelDir({ manifest: { modelFormat: 'pickle' } })
    await expect(createWorkerPool({ modelDir: dir, workers: 1 })).rejects.toThrow(UserError)
  })

  it('rejects whenReady with the worker load error, never becomes ready, and answers 500', async () => {
    const { dir } = await writeModelDir({ handler: 'export default { postProcess() {} }\n' })
    const pool = await createWorkerPool({ modelDir: dir, workers: 2 })
    const error = await pool.whenReady().catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).problem).toBe('its handler has unknown hooks: postProcess')
    expect(pool.ready).toBe(false)
    const refused = await invocationErrorOf(invokeRows(pool, [IRIS_ROWS[0] ?? {}], asks()))
    expect(refused.status).toBe(500)
    expect(refused.message).toMatch(/^the model is not loaded: .*unknown hooks: postProcess/s)
    await pool.close()
  })
})
