// The serve entry end to end on a real bundle folder: worker pool + HTTP server, as SageMaker runs it.
import { UserError } from '@sagepack/core-data'
import { afterAll, describe, expect, it } from 'vitest'
import { IRIS_ROWS, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { POOL_HANDLER } from '../workers/test-fixtures/pool-handler'
import { type RunningServer, serveMain } from './serve-main'

const running: RunningServer[] = []
/** What each server started by start() printed. */
const startLines = new Map<RunningServer, string[]>()
afterAll(async () => {
  await Promise.all(running.map((r) => r.server.close(1000)))
  await removeModelDirs()
})

async function start(): Promise<{ url: string; running: RunningServer }> {
  const model = await writeModelDir({ handler: POOL_HANDLER })
  const lines: string[] = []
  const server = await serveMain({
    env: {
      SM_MODEL_DIR: model.dir,
      SAGEMAKER_BIND_TO_PORT: '0',
      SAGEPACK_BIND_HOST: '127.0.0.1',
      SAGEMAKER_MODEL_SERVER_WORKERS: '2',
    },
    log: (line) => lines.push(line),
    handleSignals: false,
  })
  running.push(server)
  startLines.set(server, lines)
  await server.pool.whenReady()
  return { url: `http://127.0.0.1:${server.port}`, running: server }
}

describe('serveMain', () => {
  it('answers /ping within 2 s while a worker is busy for 3 s on a prediction', async () => {
    const { url } = await start()
    const slow = fetch(`${url}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amzn-sagemaker-custom-attributes': 'busy:3000' },
      body: JSON.stringify({ instances: IRIS_ROWS }),
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const begun = performance.now()
    const ping = await fetch(`${url}/ping`)
    const took = performance.now() - begun
    expect(ping.status).toBe(200)
    expect(took).toBeLessThan(2000)
    // The other worker still predicts meanwhile.
    const quick = await fetch(`${url}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: '5.1,3.5,1.4,0.2\n',
    })
    expect(quick.status).toBe(200)
    expect((await slow).status).toBe(200)
  }, 30_000)

  it('advertises one concurrent transform per worker', async () => {
    const { url } = await start()
    expect(await (await fetch(`${url}/execution-parameters`)).json()).toMatchObject({
      MaxConcurrentTransforms: 2,
      BatchStrategy: 'MULTI_RECORD',
      MaxPayloadInMB: 6,
    })
  }, 30_000)

  it('prints the batching settings at start-up, the environment over the bundle config', async () => {
    const model = await writeModelDir({ config: { serve: { batching: { maxRows: 64, maxDelayMs: 2 } } } })
    const lines: string[] = []
    const server = await serveMain({
      env: {
        SM_MODEL_DIR: model.dir,
        SAGEMAKER_BIND_TO_PORT: '0',
        SAGEPACK_BIND_HOST: '127.0.0.1',
        SAGEMAKER_MODEL_SERVER_WORKERS: '1',
        SAGEPACK_MAX_BATCH_ROWS: '16',
      },
      log: (line) => lines.push(line),
      handleSignals: false,
    })
    running.push(server)
    await server.pool.whenReady()
    expect(lines.filter((line) => line.startsWith('batching:'))).toEqual([
      'batching: up to 16 rows per predict call (SAGEPACK_MAX_BATCH_ROWS), waiting up to 2 ms for more requests (serve.batching.maxDelayMs in config.json)',
    ])
  }, 30_000)

  it('says batching is off for a handler with its own predict hook, whatever the settings', async () => {
    const { running: server } = await start()
    await expect.poll(() => server.pool.batchesCalls).toBe(false)
    expect(startLines.get(server)?.filter((line) => line.startsWith('batching:'))).toEqual([
      'batching: up to 4096 rows per predict call (default; SAGEPACK_MAX_BATCH_ROWS), taking only requests already queued (default; SAGEPACK_MAX_BATCH_DELAY_MS)',
      'batching: off, whatever the settings say: the handler has its own predict hook, which may not treat rows independently, so every request runs alone',
    ])
  }, 30_000)

  it('refuses a bad batching variable before starting a thread, naming it', async () => {
    const model = await writeModelDir()
    const failed = serveMain({
      env: { SM_MODEL_DIR: model.dir, SAGEMAKER_BIND_TO_PORT: '0', SAGEPACK_MAX_BATCH_DELAY_MS: '1.5' },
      log: () => {},
      handleSignals: false,
    })
    await expect(failed).rejects.toThrow(UserError)
    await expect(failed).rejects.toThrow(/SAGEPACK_MAX_BATCH_DELAY_MS=1\.5/)
  })
})

describe('serveMain on a model with its weights in model.onnx.data', () => {
  async function serve(externalData: boolean, env: Record<string, string> = {}) {
    const model = await writeModelDir({ externalData })
    const lines: string[] = []
    const server = await serveMain({
      env: { SM_MODEL_DIR: model.dir, SAGEMAKER_BIND_TO_PORT: '0', SAGEPACK_BIND_HOST: '127.0.0.1', ...env },
      log: (line) => lines.push(line),
      handleSignals: false,
      // Three CPUs: the rule's default is then two workers.
      machine: { cpus: 3, memoryBytes: 16 * 2 ** 30 },
    })
    running.push(server)
    await server.pool.whenReady()
    const answer = await fetch(`http://127.0.0.1:${server.port}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: IRIS_ROWS }),
    })
    expect(answer.status).toBe(200)
    return { lines, plan: server.plan, body: await answer.text() }
  }

  it('answers as the inline model does, with the plan and the time to the first 200 printed', async () => {
    const inline = await serve(false)
    const external = await serve(true, { SAGEMAKER_MODEL_SERVER_WORKERS: '1' })
    expect(external.body).toBe(inline.body)
    // The fixture's weights are small: under 64 MiB every model gets private, prepacked copies.
    expect(inline.plan).toMatchObject({ workers: 2, intraOpThreads: 1, weights: 'private' })
    expect(external.plan).toMatchObject({ workers: 1, intraOpThreads: 1, weights: 'private' })
    expect(inline.lines[0]).toMatch(/^serving plan: 2 workers, 1 onnxruntime threads each, weights private/)
    expect(external.lines[0]).toMatch(
      /^serving plan: 1 workers \(SAGEMAKER_MODEL_SERVER_WORKERS\), 1 onnxruntime threads each, weights private: weights of [0-9.]+ MiB/,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const ready = external.lines.find((line) => line.startsWith('model loaded in every worker'))
    const seconds = Number(/, ([0-9.]+) s after the process started$/.exec(ready ?? '')?.[1])
    expect(seconds).toBeGreaterThan(0)
    expect(seconds).toBeLessThanOrEqual(performance.now() / 1000)
  }, 60_000)
})
