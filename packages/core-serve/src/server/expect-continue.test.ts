import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

/** Raw HTTP, because fetch never sends `Expect: 100-continue`; curl does for bodies over 1 KB. */
async function openSocket(port: number): Promise<{ socket: Socket; received: () => string }> {
  const socket = connect(port, '127.0.0.1')
  let text = ''
  socket.on('data', (chunk) => {
    text += chunk.toString()
  })
  await new Promise((resolve) => socket.once('connect', resolve))
  return { socket, received: () => text }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(5)
}

function headers(length: number, contentType = 'text/csv'): string {
  const lines = ['POST /invocations HTTP/1.1', 'Host: localhost', `Content-Type: ${contentType}`]
  return `${[...lines, `Content-Length: ${length}`, 'Expect: 100-continue'].join('\r\n')}\r\n\r\n`
}

describe('Expect: 100-continue', () => {
  it('asks for the body only once the request can be served', async () => {
    started = await startServer(new FakeRunner(), { maxPayloadBytes: 1000 })
    const { socket, received } = await openSocket(started.port)
    socket.write(headers(8))
    await until(() => received().includes('100 Continue'))
    socket.end('1,2\n3,4\n')
    await until(() => received().includes('{"predictions":[0,1]}'))
    expect(received()).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/)
  })

  it('refuses an oversized or unreadable body without asking for it', async () => {
    started = await startServer(new FakeRunner(), { maxPayloadBytes: 1000 })
    for (const [head, status] of [
      [headers(5000), '413'],
      [headers(10, 'text/plain'), '415'],
    ] as const) {
      const { socket, received } = await openSocket(started.port)
      const sentAt = Date.now()
      socket.write(head)
      await until(() => received().includes('\r\n\r\n{'))
      // At once: the client holds its body back, so there is nothing to wait for.
      expect(Date.now() - sentAt).toBeLessThan(2000)
      expect(received()).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
      expect(received()).not.toContain('100 Continue')
      expect(received()).toMatch(/\r\nconnection: close\r\n/i)
      socket.destroy()
    }
  })

  it('reads a body that passes the limit after 100 Continue to its end, then answers 413 and closes', async () => {
    started = await startServer(new FakeRunner(), { maxPayloadBytes: 1000 })
    const { socket, received } = await openSocket(started.port)
    const head = ['POST /invocations HTTP/1.1', 'Host: localhost', 'Content-Type: text/csv']
    socket.write(`${[...head, 'Transfer-Encoding: chunked', 'Expect: 100-continue'].join('\r\n')}\r\n\r\n`)
    await until(() => received().includes('100 Continue'))
    socket.write(`7d0\r\n${'1,2\n'.repeat(500)}\r\n`)
    await delay(100)
    // Told to go on, the client is sending its body; an answer now would be lost in a reset.
    expect(received()).not.toContain('413')
    socket.write('0\r\n\r\n')
    await until(() => received().includes('\r\n\r\n{'))
    expect(received()).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 413 /)
    expect(received()).toMatch(/\r\nconnection: close\r\n/i)
    socket.destroy()
  })
})
