// Attacks the runtime with requests that take down their worker thread, on loopback with real clients,
// while other clients keep sending normal requests: only the request at fault may fail, and /ping
// must stay 200 throughout (SageMaker takes an instance out of service on failed pings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { type BundledWorker, buildBundledWorker } from '../workers/test-fixtures/bundled-worker'
import { FAULT_HANDLER, type Fault, faultBody } from '../workers/test-fixtures/fault-handler'
import { type RunningServer, serveMain } from './serve-main'
import { describeFailures, invoke, pollPing, steadyLoad } from './test-fixtures/client-load'

const running: RunningServer[] = []
let worker: BundledWorker
beforeAll(async () => {
  worker = await buildBundledWorker()
})
afterAll(async () => {
  await Promise.all(running.map((r) => r.server.close(1000)))
  await removeModelDirs()
  await worker?.remove()
})

/** One worker: the default on a 2-CPU instance, and the case where a restart leaves no worker at all. */
async function start(timeoutSeconds: number, logged: string[] = []): Promise<string> {
  const model = await writeModelDir({ handler: FAULT_HANDLER })
  const server = await serveMain({
    env: {
      SM_MODEL_DIR: model.dir,
      SAGEMAKER_BIND_TO_PORT: '0',
      SAGEPACK_BIND_HOST: '127.0.0.1',
      SAGEMAKER_MODEL_SERVER_WORKERS: '1',
      SAGEMAKER_MODEL_SERVER_TIMEOUT: String(timeoutSeconds),
    },
    // Bundled, as in the runtime image: a replacement loads in about a tenth of a second.
    workerScript: worker.script,
    log: (line) => logged.push(line),
    handleSignals: false,
  })
  running.push(server)
  await server.pool.whenReady()
  return `http://127.0.0.1:${server.port}`
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a request that takes down its worker thread', () => {
  it('fails alone with a 500 naming the fault; its batch and queue are answered; /ping stays 200', async () => {
    const logged: string[] = []
    const url = await start(10, logged)
    const ping = pollPing(url, 20)
    const load = steadyLoad(url, 16, faultBody())
    await pause(200)
    const faults: Fault[] = ['exit', 'throw', 'tick']
    const answers = []
    for (const fault of faults) {
      answers.push(await invoke(url, faultBody(fault)))
      await pause(200)
    }
    const bystanders = await load.stop()
    const pings = await ping.stop()

    const messages = answers.map((answer) => `${answer.status} ${JSON.parse(answer.body).error?.message}`)
    const named = {
      exit: /^500 .*the worker thread exited with code 7 \(it stopped while working on this request/,
      throw: /^500 .*the fault bundle threw from a callback \(it stopped while working on this request/,
      tick: /^500 .*the fault bundle threw from a later callback \(it stopped while working on this request/,
    }
    expect(
      { bystanders: bystanders.failed.length, pings: pings.failed.length },
      `bystanders: ${describeFailures(bystanders)}; pings: ${describeFailures(pings)}`,
    ).toEqual({ bystanders: 0, pings: 0 })
    expect(messages).toEqual(faults.map((fault) => expect.stringMatching(named[fault as keyof typeof named])))
    expect(bystanders.ok).toBeGreaterThan(16)
    // The faults hit batches with other requests in them, and those ran again.
    const reruns = logged.map((line) =>
      Number(/(\d+) requests that shared its batch run again/.exec(line)?.[1] ?? 0),
    )
    expect(reruns.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0)
  }, 60_000)

  it('fails a hung request alone at the invocation timeout, and answers the requests around it', async () => {
    const url = await start(1)
    const ping = pollPing(url, 20)
    const load = steadyLoad(url, 16, faultBody())
    await pause(200)
    const started = performance.now()
    const hung = await invoke(url, faultBody('hang'))
    const took = performance.now() - started
    await pause(300)
    const bystanders = await load.stop()
    const pings = await ping.stop()

    expect(hung.status).toBe(500)
    expect(JSON.parse(hung.body).error.message).toMatch(/ran for more than 1 s/)
    expect(took).toBeGreaterThanOrEqual(1000)
    expect(took).toBeLessThan(5_000)
    expect(
      { bystanders: bystanders.failed.length, pings: pings.failed.length },
      `bystanders: ${describeFailures(bystanders)}; pings: ${describeFailures(pings)}`,
    ).toEqual({ bystanders: 0, pings: 0 })
    expect(bystanders.ok).toBeGreaterThan(20)
  }, 60_000)
})
