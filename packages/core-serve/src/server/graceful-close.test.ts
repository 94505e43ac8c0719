import { Agent, request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'
import { QUIET_BEFORE_CLOSING_IDLE_MS } from './graceful-close'

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
    const runner = slowRunner(1_000)
    started = await startServer(runner)
    const { handle, url, port } = started
    const idle = await idleKeepAliveSocket(port)
    const idleClosed = new Promise<boolean>((resolve) => idle.once('close', resolve))
    const inFlight = invoke(url)
    while (runner.invocations.length === 0) await delay(5)

    const closed = handle.close(10_000)
    expect(handle.close()).toBe(closed)
    expect(await connectionRefused(port)).toBe(true)
    // Closed once nothing has arrived for a quiet spell, cleanly (no reset), while the request runs on.
    const begun = performance.now()
    expect(await idleClosed).toBe(false)
    expect(performance.now() - begun).toBeGreaterThanOrEqual(QUIET_BEFORE_CLOSING_IDLE_MS - 100)
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

  it('under load, answers every request that reached it and resets none (keep-alive clients are told to close)', async () => {
    const runner = slowRunner(2)
    started = await startServer(runner)
    const { handle, port } = started
    // The client ports of the connections the server accepted: a reset on one of them lost a request
    // that reached the server. (A connection still in the kernel's listen queue when the listener
    // closes is reset by the kernel before the server ever sees it; it is counted apart.)
    const accepted = new Set<number>()
    handle.server.on('connection', (socket) => accepted.add(socket.remotePort ?? 0))
    const agent = new Agent({ keepAlive: true, maxSockets: 32 })
    const outcomes = new Map<string, number>()
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    let closing = false
    // Each client sends again as soon as it is answered, until the server refuses new connections.
    const clients = Array.from({ length: 32 }, async () => {
      for (;;) {
        const outcome = await post(port, agent)
        if ('status' in outcome) count(`${outcome.status}${closing && outcome.close ? ' close' : ''}`)
        else
          count(
            accepted.has(outcome.localPort) ? `${outcome.code} after accept` : `${outcome.code} in the queue`,
          )
        if ('code' in outcome && outcome.code === 'ECONNREFUSED') return
      }
    })
    // Steady state, as behind SageMaker's front end: every client's keep-alive connection accepted.
    // (Clients and server share one busy event loop here, which accepts slowly.)
    while (accepted.size < 32) await delay(10)
    await delay(100)
    closing = true
    await handle.close(5_000)
    await Promise.all(clients)
    agent.destroy()

    // Each connection carried one more request, answered with `Connection: close`; the client's next
    // connection was refused before it sent anything.
    const { '200': before, ...atClose } = Object.fromEntries(outcomes)
    expect(atClose).toEqual({ '200 close': 32, 'ECONNREFUSED in the queue': 32 })
    expect(before).toBeGreaterThan(0)
  })
})

type Outcome = { status: number; close: boolean } | { code: string; localPort: number }

/** One POST on the agent's keep-alive connections, and what came of it. */
function post(port: number, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    let localPort = 0
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/invocations',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, close: res.headers.connection === 'close' }),
        )
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ code: error.code ?? 'aborted', localPort }),
        )
      },
    )
    req.on('socket', (socket) => {
      const remember = () => {
        localPort = socket.localPort ?? 0
      }
      if (socket.localPort) remember()
      else socket.once('connect', remember)
    })
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ code: error.code ?? String(error), localPort }),
    )
    req.end('[[1]]')
  })
}
