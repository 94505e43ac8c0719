// Clients that send a whole body before reading the answer (Python's http.client and requests, many
// HTTP libraries) get the refusal instead of a connection reset, from the real server on loopback.
import { execFile } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'
import { MB } from './payload-limit'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

interface PythonAnswer {
  status?: number
  connection?: string | null
  body?: string
  /** The exception Python raised instead of reading an answer, e.g. "BrokenPipeError: [Errno 32] ..." */
  error?: string
}

/**
 * One POST from Python's http.client, which writes the request and all of its body (sendall) before it
 * reads a byte of the answer. `chunked` sends the body in 64 KB chunks without Content-Length.
 */
async function pythonPost(
  port: number,
  body: { bytes: number; contentType: string; chunked?: boolean },
): Promise<PythonAnswer> {
  const script = `
import http.client, json, sys
port, size, content_type, chunked = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4] == 'chunked'
line = b'1,2,3\\n'
payload = line * (size // len(line)) + b'4' * (size % len(line))
try:
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    if chunked:
        pieces = (payload[i:i + 65536] for i in range(0, len(payload), 65536))
        conn.request('POST', '/invocations', body=pieces, headers={'Content-Type': content_type},
                     encode_chunked=True)
    else:
        conn.request('POST', '/invocations', body=payload, headers={'Content-Type': content_type})
    response = conn.getresponse()
    print(json.dumps({'status': response.status, 'connection': response.getheader('Connection'),
                      'body': response.read().decode()}))
except Exception as error:
    print(json.dumps({'error': f'{type(error).__name__}: {error}'}))
`
  const { stdout } = await promisify(execFile)(
    'python3',
    ['-c', script, String(port), String(body.bytes), body.contentType, body.chunked ? 'chunked' : 'sized'],
    { encoding: 'utf8', timeout: 60_000 },
  )
  return JSON.parse(stdout) as PythonAnswer
}

function errorOf(answer: PythonAnswer): { status: number; message: string } {
  expect(answer.error, 'Python raised instead of reading the answer').toBeUndefined()
  return (JSON.parse(answer.body ?? '') as { error: { status: number; message: string } }).error
}

async function expectStillServing(url: string): Promise<void> {
  expect((await fetch(`${url}/ping`)).status).toBe(200)
}

describe('clients that send the whole body first', () => {
  it('get the 413 JSON for a 7 MB body over the default 6 MB limit, and the connection closes', async () => {
    started = await startServer(new FakeRunner())
    const answer = await pythonPost(started.port, { bytes: 7 * MB, contentType: 'text/csv' })
    const error = errorOf(answer)
    expect(answer.status).toBe(413)
    expect(answer.connection).toBe('close')
    expect(error).toEqual({
      status: 413,
      message: expect.stringMatching(
        /^the request body \(7340032 bytes\) is over the limit of 6291456 bytes/,
      ),
    })
    expect(started.runner.invocations).toHaveLength(0)
    await expectStillServing(started.url)
  })

  it('get the 413 JSON for a chunked body that passes the limit', async () => {
    started = await startServer(new FakeRunner(), { maxPayloadBytes: 2 * MB })
    const answer = await pythonPost(started.port, { bytes: 7 * MB, contentType: 'text/csv', chunked: true })
    expect(errorOf(answer)).toEqual({
      status: 413,
      message: expect.stringMatching(/more than 2097152 bytes/),
    })
    expect(answer.status).toBe(413)
    expect(answer.connection).toBe('close')
    expect(started.runner.invocations).toHaveLength(0)
  })

  it('get the 415 JSON for a large body with a Content-Type the server cannot read', async () => {
    started = await startServer(new FakeRunner())
    const answer = await pythonPost(started.port, { bytes: 5 * MB, contentType: 'text/plain' })
    expect(errorOf(answer)).toEqual({
      status: 415,
      message: expect.stringMatching(/Content-Type text\/plain/),
    })
    expect(answer.connection).toBe('close')
    await expectStillServing(started.url)
  })
})

/** A raw connection, to send a body as slowly or as far as a test needs. */
async function rawConnection(
  port: number,
): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1')
  let text = ''
  socket.on('data', (chunk) => {
    text += chunk.toString()
  })
  // The server may reset a connection it gave up on; the test reads what arrived before that.
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  await new Promise((resolve) => socket.once('connect', resolve))
  return { socket, received: () => text, closed }
}

describe('the bounds on reading a refused body', () => {
  it('answers 413 and closes the connection once a slow sender has had the time bound', async () => {
    started = await startServer(new FakeRunner(), {
      maxPayloadBytes: 1000,
      refusedBodyDrain: { maxBytes: 4000, maxMs: 300 },
    })
    const { socket, received, closed } = await rawConnection(started.port)
    const sentAt = Date.now()
    socket.write(
      'POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: 3000\r\n\r\n',
    )
    // A trickle that would never finish the declared 3000 bytes.
    const trickle = setInterval(() => socket.write('1,2\n'), 50)
    await closed
    clearInterval(trickle)
    const waited = Date.now() - sentAt
    expect(received()).toMatch(/^HTTP\/1\.1 413 /)
    expect(received()).toMatch(/\r\nconnection: close\r\n/i)
    expect(received()).toContain('"status":413')
    expect(waited).toBeGreaterThanOrEqual(250)
    expect(waited).toBeLessThan(5000)
  })

  it('answers 413 without reading a body declared larger than the byte bound', async () => {
    started = await startServer(new FakeRunner(), {
      maxPayloadBytes: 1000,
      refusedBodyDrain: { maxBytes: 4000, maxMs: 10_000 },
    })
    const { socket, received, closed } = await rawConnection(started.port)
    const sentAt = Date.now()
    socket.write(
      'POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n\r\n',
    )
    await closed
    expect(received()).toMatch(/^HTTP\/1\.1 413 .*\r\nconnection: close\r\n/is)
    expect(Date.now() - sentAt).toBeLessThan(5000)
  })

  it('stops reading an endless chunked body at the byte bound', async () => {
    started = await startServer(new FakeRunner(), {
      maxPayloadBytes: 1000,
      refusedBodyDrain: { maxBytes: 4000, maxMs: 10_000 },
    })
    const { socket, received, closed } = await rawConnection(started.port)
    socket.write(
      'POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n',
    )
    let sent = 0
    let open = true
    void closed.then(() => {
      open = false
    })
    while (open && sent < 1_000_000) {
      socket.write(`258\r\n${'1,2,3\n'.repeat(100)}\r\n`)
      sent += 600
      await delay(2)
    }
    expect(received()).toMatch(/^HTTP\/1\.1 413 .*\r\nconnection: close\r\n/is)
    expect(sent).toBeLessThan(100_000)
  })
})
