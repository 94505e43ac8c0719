import { afterEach, describe, expect, it } from 'vitest'
import { InvocationError } from '../handler/invocation-error'
import { FakeRunner, type StartedServer, startServer } from './fake-runner'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

async function serve(maxPayloadBytes?: number): Promise<StartedServer> {
  started = await startServer(new FakeRunner(), maxPayloadBytes === undefined ? {} : { maxPayloadBytes })
  return started
}

/** Checks the one error shape, then proves the server still answers. */
async function expectError(response: Response, status: number, message: string | RegExp): Promise<void> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/json')
  const body = (await response.json()) as { error: { status: number; message: string } }
  expect(body.error.status).toBe(status)
  if (typeof message === 'string') expect(body.error.message).toBe(message)
  else expect(body.error.message).toMatch(message)
  const ping = await fetch(`${started?.url}/ping`)
  expect(ping.status).toBe(200)
}

function post(url: string, body: string | Uint8Array, headers: Record<string, string>): Promise<Response> {
  return fetch(`${url}/invocations`, { method: 'POST', body, headers })
}

describe('error responses', () => {
  it('415 for an unsupported or missing Content-Type, before running the model', async () => {
    const { url, runner } = await serve()
    await expectError(
      await post(url, 'a=1', { 'content-type': 'text/plain' }),
      415,
      /text\/plain.*application\/json/,
    )
    // A byte body makes fetch send no Content-Type at all.
    await expectError(await post(url, new TextEncoder().encode('[[1]]'), {}), 415, /no Content-Type/)
    expect(runner.invocations).toHaveLength(0)
  })

  it('406 for an Accept the server cannot satisfy, before running the model', async () => {
    const { url, runner } = await serve()
    const response = await post(url, '[[1]]', { 'content-type': 'application/json', accept: 'text/html' })
    await expectError(response, 406, /Accept text\/html.*text\/csv/)
    await expectError(
      await post(url, '[[1]]', { 'content-type': 'application/json', accept: 'application/json;q=0' }),
      406,
      /Accept/,
    )
    expect(runner.invocations).toHaveLength(0)
  })

  it('400 naming the row or line that does not decode', async () => {
    const { url, runner } = await serve()
    const json = { 'content-type': 'application/json' }
    await expectError(
      await post(url, '{"instances": [[1], "x"]}', json),
      400,
      /^row 2: expected an object or an array, got a string/,
    )
    await expectError(await post(url, '{"instances": 5}', json), 400, /"instances" must be a list/)
    await expectError(
      await post(url, '1,2\n3,"4\n', { 'content-type': 'text/csv' }),
      400,
      /^line 2, field 2: /,
    )
    await expectError(
      await post(url, '{"a": 1}\n{"a":\n', { 'content-type': 'application/jsonlines' }),
      400,
      /^line 2: not valid JSON/,
    )
    expect(runner.invocations).toHaveLength(0)
  })

  it('400 for an empty body or an empty list of rows', async () => {
    const { url, runner } = await serve()
    await expectError(await post(url, '', { 'content-type': 'text/csv' }), 400, /no rows/)
    await expectError(
      await post(url, '{"instances": []}', { 'content-type': 'application/json' }),
      400,
      /no rows/,
    )
    expect(runner.invocations).toHaveLength(0)
  })

  it('413 from Content-Length, before reading the body, and the connection is closed', async () => {
    const { url, runner } = await serve(1000)
    const response = await post(url, 'x'.repeat(5000), { 'content-type': 'text/csv' })
    expect(response.headers.get('connection')).toBe('close')
    await expectError(response, 413, /5000 bytes.*limit of 1000 bytes/)
    expect(runner.invocations).toHaveLength(0)
  })

  it('413 for a chunked body without Content-Length that passes the limit, without reading all of it', async () => {
    const { url, runner } = await serve(1000)
    let sent = 0
    // The upload never ends: only stopping at the limit can produce an answer.
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        sent += 600
        controller.enqueue(new TextEncoder().encode(`${'1,2,3\n'.repeat(100)}`))
        await new Promise((resolve) => setTimeout(resolve, 5))
      },
    })
    const response = await fetch(`${url}/invocations`, {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'text/csv' },
      duplex: 'half',
    } as RequestInit)
    await expectError(response, 413, /more than 1000 bytes/)
    expect(sent).toBeLessThan(100_000)
    expect(runner.invocations).toHaveLength(0)
  })

  it('accepts a chunked body within the limit', async () => {
    const { url } = await serve(1000)
    const chunks = ['1,2\n', '3,4\n']
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(chunk))
      },
    })
    const init = { method: 'POST', body, headers: { 'content-type': 'text/csv' }, duplex: 'half' }
    const response = await fetch(`${url}/invocations`, init as RequestInit)
    expect(await response.json()).toEqual({ predictions: [0, 1] })
  })

  it('500 with the message when the runner throws, and the status of an InvocationError', async () => {
    const { url, runner } = await serve()
    const json = { 'content-type': 'application/json' }
    runner.answer = () => {
      throw new Error('worker 3 exited')
    }
    await expectError(await post(url, '[[1]]', json), 500, 'internal error: worker 3 exited')
    runner.answer = async () =>
      Promise.reject(new InvocationError(400, 'row 1, feature petal_width: not a number'))
    await expectError(await post(url, '[[1]]', json), 400, 'row 1, feature petal_width: not a number')
    runner.answer = async () => Promise.reject(new InvocationError(500, 'postprocess failed'))
    await expectError(await post(url, '[[1]]', json), 500, 'postprocess failed')
    // What a bundled handler's own copy of the class looks like from here.
    const lookalike = Object.assign(new Error('row 3: missing petal_width'), {
      name: 'InvocationError',
      status: 400,
    })
    runner.answer = async () => Promise.reject(lookalike)
    await expectError(await post(url, '[[1]]', json), 400, 'row 3: missing petal_width')
  })

  it('500 when the runner’s response attributes cannot be sent as a header', async () => {
    const { url, runner } = await serve()
    runner.answer = () => ({ predictions: [1], responseAttributes: 'a\nb' })
    await expectError(
      await post(url, '[[1]]', { 'content-type': 'application/json' }),
      500,
      /responseAttributes/,
    )
  })

  it('404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const { url } = await serve()
    await expectError(await fetch(`${url}/predict`), 404, /nothing at \/predict.*POST \/invocations/)
    const wrongMethod = await fetch(`${url}/invocations`)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    await expectError(wrongMethod, 405, '/invocations does not take GET; use POST')
    await expectError(await fetch(`${url}/ping`, { method: 'POST', body: 'x' }), 405, /use GET, HEAD/)
  })
})
