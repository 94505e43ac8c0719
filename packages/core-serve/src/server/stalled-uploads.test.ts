// Attacks the server with 100 clients that each send most of a 5.9 MB body and then stall, on loopback
// with raw sockets: request bodies must count against one budget (new requests past it get a 503 with
// Retry-After instead of growing the heap), stalled bodies must be dropped, and the server must serve
// normally afterwards.
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeRunner, type StartedServer, startServer } from './fake-runner'
import { MB } from './payload-limit'

let started: StartedServer | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await started?.handle.close(0)
  started = undefined
})

const DECLARED = Math.floor(5.9 * MB)
/** Most of the body: every byte the client will ever send. */
const SENT = Buffer.alloc(Math.floor(5.5 * MB), 0x20)

interface Upload {
  /** The status line's code once a response came, e.g. 503. */
  status?: number
  retryAfter?: string
  /** True once the server took every byte sent (it is reading the body). */
  taken: boolean
  closed: boolean
}

function stalledUpload(port: number): Upload {
  const upload: Upload = { taken: false, closed: false }
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let head = ''
  socket.on('data', (data) => {
    head += data.toString('latin1')
    const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]
    if (status) upload.status = Number(status)
    upload.retryAfter = /\r\nretry-after: (\S+)\r\n/i.exec(head)?.[1]
  })
  socket.on('error', () => {})
  socket.on('close', () => {
    upload.closed = true
  })
  socket.write(
    `POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${DECLARED}\r\n\r\n`,
  )
  socket.write(SENT, (error) => {
    if (!error) upload.taken = true
  })
  return upload
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('100 clients that stall in the middle of a 5.9 MB body', () => {
  it('hold no more than the body budget, get 503s past it, are dropped, and leave the server healthy', async () => {
    started = await startServer(new FakeRunner(), { maxBufferedBytes: 64 * MB, requestTimeoutMs: 2_000 })
    const { port, url } = started
    const baseline = process.memoryUsage.rss()
    let peak = baseline
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss())
    }, 10)

    const uploads = Array.from({ length: 100 }, () => stalledUpload(port))
    await until(() => uploads.every((u) => u.status !== undefined || u.taken), 10_000)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const growthMb = Math.round((peak - baseline) / MB)
    const refused = uploads.filter((u) => u.status === 503)
    const held = uploads.filter((u) => u.status === undefined)

    // 64 MB holds ten declared 5.9 MB bodies; every later request is refused before its body is read.
    expect(
      { refused: refused.length, held: held.length, growthMb: growthMb < 150 },
      `RSS grew by ${growthMb} MB`,
    ).toEqual({
      refused: 90,
      held: 10,
      growthMb: true,
    })
    expect(refused.every((u) => u.retryAfter === '1')).toBe(true)

    // The stalled bodies are dropped at the request timeout, which gives their memory back.
    await until(() => held.every((u) => u.closed), 5_000)
    clearInterval(sampler)
    expect(held.map((u) => u.status)).toEqual(held.map(() => 408))
    const ping = await fetch(`${url}/ping`)
    expect(ping.status).toBe(200)
    const full = await fetch(`${url}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `[${Array.from({ length: 200_000 }, () => '[1]').join(',')}]${' '.repeat(DECLARED - 200_000 * 4 - 1)}`,
    })
    expect(full.status).toBe(200)
    expect(((await full.json()) as { predictions: unknown[] }).predictions).toHaveLength(200_000)
  }, 30_000)

  it('counts a chunked body as it arrives, and refuses the request that would pass the budget', async () => {
    started = await startServer(new FakeRunner(), { maxBufferedBytes: 1 * MB })
    const chunked = (bytes: number) => {
      const socket = connect(started?.port ?? 0, '127.0.0.1')
      sockets.push(socket)
      let received = ''
      socket.on('data', (data) => {
        received += data.toString('latin1')
      })
      socket.on('error', () => {})
      socket.write(
        'POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Transfer-Encoding: chunked\r\n\r\n${bytes.toString(16)}\r\n${' '.repeat(bytes)}\r\n`,
      )
      return () => received
    }
    const first = chunked(700 * 1024)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const second = chunked(500 * 1024)
    await until(() => second().length > 0, 5_000)
    expect(second()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/)
    expect(second()).toMatch(/\r\nretry-after: 1\r\n/i)
    expect(second()).toContain('would pass its limit of 1 MB (SAGEPACK_MAX_BUFFERED_MB)')
    expect(first()).toBe('')
  })
})
