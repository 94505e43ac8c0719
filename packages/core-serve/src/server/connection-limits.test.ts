// The limits that keep slow or idle clients from holding the server: keep-alive past SageMaker's
// idle timeout, header and request timeouts well inside its 60 s per invocation, a connection cap.
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeRunner, type StartedServer, startServer } from './fake-runner'
import {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_CONNECTIONS,
  REQUEST_TIMEOUT_MS,
} from './inference-server'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('connection limits', () => {
  it('keeps connections alive longer than SageMaker’s 60 s idle timeout, and times requests well inside its 60 s', async () => {
    started = await startServer()
    const { server } = started.handle
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS)
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000)
    expect([server.headersTimeout, server.requestTimeout]).toEqual([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS])
    expect(server.requestTimeout).toBeLessThanOrEqual(30_000)
    expect(server.maxConnections).toBe(MAX_CONNECTIONS)
    const response = await fetch(`${started.url}/invocations`, {
      method: 'POST',
      body: '[[1]]',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.headers.get('connection')).toBe('keep-alive')
    expect(response.headers.get('keep-alive')).toBe('timeout=65')
  })

  it('answers the next request of a keep-alive socket that idled past the header and request timeouts', async () => {
    started = await startServer(new FakeRunner(), { headersTimeoutMs: 200, requestTimeoutMs: 300 })
    const socket = connect(started.port, '127.0.0.1')
    let received = ''
    socket.on('data', (data) => {
      received += data.toString('latin1')
    })
    const request = 'GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n'
    socket.write(request)
    await pause(1_500)
    socket.write(request)
    await pause(200)
    socket.destroy()
    expect(received.match(/^HTTP\/1\.1 200 OK/gm)).toHaveLength(2)
  })

  it('drops a request whose headers stop arriving with a 408', async () => {
    started = await startServer(new FakeRunner(), { headersTimeoutMs: 200, requestTimeoutMs: 300 })
    const socket = connect(started.port, '127.0.0.1')
    let received = ''
    socket.on('data', (data) => {
      received += data.toString('latin1')
    })
    const closed = new Promise((resolve) => socket.once('close', resolve))
    socket.write('POST /invocations HTTP/1.1\r\nHost: localhost\r\n')
    const begun = performance.now()
    await closed
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout/)
    expect(performance.now() - begun).toBeLessThan(2_500)
  })
})
