import { afterEach, describe, expect, it } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

describe('GET /ping', () => {
  it('answers 503 while the model loads and 200 with an empty body once it is ready', async () => {
    const runner = new FakeRunner()
    runner.ready = false
    started = await startServer(runner)
    const loading = await fetch(`${started.url}/ping`)
    expect(loading.status).toBe(503)
    expect(await loading.json()).toEqual({ error: { status: 503, message: 'the model is still loading' } })

    runner.ready = true
    const ready = await fetch(`${started.url}/ping`)
    expect(ready.status).toBe(200)
    expect(ready.headers.get('content-length')).toBe('0')
    expect(await ready.text()).toBe('')
    expect((await fetch(`${started.url}/ping`, { method: 'HEAD' })).status).toBe(200)
  })

  it('answers within 2 s while a prediction takes 5 s', async () => {
    const runner = new FakeRunner()
    runner.answer = async (rows) => {
      // Like a worker thread: the prediction takes long, the event loop stays free.
      await delay(5_000)
      return { predictions: rows.map(() => 1) }
    }
    started = await startServer(runner)
    const { url } = started
    const aborter = new AbortController()
    const slow = fetch(`${url}/invocations`, {
      method: 'POST',
      body: '[[1]]',
      headers: { 'content-type': 'application/json' },
      signal: aborter.signal,
    }).catch(() => undefined)
    while (runner.invocations.length === 0) await delay(5)

    for (let attempt = 0; attempt < 3; attempt++) {
      const begun = performance.now()
      const ping = await fetch(`${url}/ping`)
      expect(ping.status).toBe(200)
      expect(performance.now() - begun).toBeLessThan(2_000)
    }
    aborter.abort()
    await slow
  })
})
