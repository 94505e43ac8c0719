import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

/** A raw keep-alive connection that has answered one /ping and now sits idle. */
async function idleKeepAliveSocket(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write('GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n')
  await new Promise((resolve) => socket.once('data', resolve))
  return socket
}

function slowRunner(ms: number): FakeRunner {
  const runner = new FakeRunner()
  runner.answer = async (rows) => {
    await delay(ms)
    return { predictions: rows.map(() => 1) }
  }
  return runner
}

function invoke(url: string): Promise<Response> {
  return fetch(`${url}/invocations`, {
    method: 'POST',
    body: '[[1]]',
    headers: { 'content-type': 'application/json' },
  })
}

describe('close(graceMs)', () => {
  it('refuses new connections, finishes the request in flight, closes idle sockets, then the runner', async () => {
    const runner = slowRunner(300)
    started = await startServer(runner)
    const { handle, url, port } = started
    const idle = await idleKeepAliveSocket(port)
    const idleClosed = new Promise((resolve) => idle.once('close', resolve))
    const inFlight = invoke(url)
    while (runner.invocations.length === 0) await delay(5)

    const closed = handle.close(10_000)
    expect(handle.close()).toBe(closed)
    expect(await connectionRefused(port)).toBe(true)
    await idleClosed
    expect(runner.closeCalls).toBe(0)

    const response = await inFlight
    expect(response.status).toBe(200)
    expect(response.headers.get('connection')).toBe('close')
    expect(await response.json()).toEqual({ predictions: [1] })
    await closed
    expect(runner.closeCalls).toBe(1)
    expect(handle.server.listening).toBe(false)
  })

  it('cuts off a request still running after graceMs, and still closes the runner', async () => {
    const runner = new FakeRunner()
    runner.answer = () => new Promise(() => {}) // never answers
    const lines: string[] = []
    started = await startServer(runner, { log: (line) => lines.push(line) })
    const hung = invoke(started.url).then(
      () => 'answered',
      () => 'cut off',
    )
    while (runner.invocations.length === 0) await delay(5)

    const begun = performance.now()
    await started.handle.close(200)
    const took = performance.now() - begun
    expect(took).toBeGreaterThanOrEqual(190)
    expect(took).toBeLessThan(2_000)
    expect(await hung).toBe('cut off')
    expect(runner.closeCalls).toBe(1)
    expect(lines).toContain('requests still running after 200 ms; closing their connections')
  })
})
