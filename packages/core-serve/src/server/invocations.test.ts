import { afterEach, describe, expect, it } from 'vitest'
import { FakeRunner, type StartedServer, startServer } from './fake-runner'

let started: StartedServer | undefined
afterEach(async () => {
  await started?.handle.close(0)
  started = undefined
})

async function serve(runner = new FakeRunner(), log?: (line: string) => void): Promise<StartedServer> {
  started = await startServer(runner, log === undefined ? {} : { log })
  return started
}

function invoke(url: string, body: string, contentType: string, accept?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (accept !== undefined) headers.accept = accept
  return fetch(`${url}/invocations`, { method: 'POST', body, headers })
}

const CLASSIFIED = [
  { label: 'setosa', probabilities: [0.9, 0.05, 0.05] },
  { label: 'virginica', probabilities: [0.1, 0.2, 0.7] },
]

describe('POST /invocations', () => {
  it('writes an answer that crossed from a worker as bytes as exactly those bytes, multi-byte characters and all', async () => {
    const runner = new FakeRunner()
    const text = '{"predictions": ["caf\u00e9 \u{1F600}"]}'
    // A view into a larger buffer, as each answer of a batch is (workers/worker-messages.ts).
    const batch = Buffer.from(`{"predictions": [0]}${text}[1]`)
    const bytes = batch.subarray(20, 20 + Buffer.byteLength(text))
    runner.invoke = async () => ({ body: bytes })
    const { url } = await serve(runner)
    const response = await invoke(url, '{"instances": [[1]]}', 'application/json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)))
    expect(await response.text()).toBe(text)
  })

  it('reads JSON object rows from {"instances"} and answers {"predictions"} as JSON by default', async () => {
    const { url, runner } = await serve()
    runner.answer = () => ({ predictions: CLASSIFIED })
    const response = await invoke(
      url,
      '{"instances": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]}',
      'application/json',
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ predictions: CLASSIFIED })
    expect(runner.invocations[0]?.rows).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ])
  })

  it('reads array rows from a bare list, ignoring a charset parameter', async () => {
    const { url, runner } = await serve()
    const response = await invoke(url, '[[1, 2], [3, 4], [5, 6]]', 'application/json; charset=utf-8')
    expect(await response.json()).toEqual({ predictions: [0, 1, 2] })
    expect(runner.invocations[0]?.rows).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ])
  })

  it('reads a multi-line CSV batch with quotes and CRLF, and answers one CSV line per prediction', async () => {
    const { url, runner } = await serve()
    runner.answer = (rows) => ({ predictions: rows.map((_row, index) => CLASSIFIED[index % 2] ?? 0) })
    const response = await invoke(
      url,
      '5.1,"a, b",x\r\n6.2,"say ""hi""",y\r\n7.3,z,\r\n',
      'text/csv',
      'text/csv',
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv')
    expect(await response.text()).toBe('setosa,0.9,0.05,0.05\nvirginica,0.1,0.2,0.7\nsetosa,0.9,0.05,0.05\n')
    expect(runner.invocations[0]?.rows).toEqual([
      ['5.1', 'a, b', 'x'],
      ['6.2', 'say "hi"', 'y'],
      ['7.3', 'z', ''],
    ])
  })

  it('reads JSON Lines and answers JSON Lines under the type the client named', async () => {
    const { url, runner } = await serve()
    runner.answer = () => ({ predictions: CLASSIFIED })
    const response = await invoke(url, '{"a": 1}\n[2, 3]\n', 'application/jsonlines', 'application/x-ndjson')
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    expect(await response.text()).toBe(`${CLASSIFIED.map((p) => JSON.stringify(p)).join('\n')}\n`)
    expect(runner.invocations[0]?.rows).toEqual([{ a: 1 }, [2, 3]])
    const jsonl = await invoke(url, '{"a": 1}', 'application/jsonl', 'application/jsonlines')
    expect(jsonl.headers.get('content-type')).toBe('application/jsonlines')
  })

  it('picks the response type from an Accept with q-values, and JSON for */*', async () => {
    const { url } = await serve()
    const csv = await invoke(
      url,
      '[[1]]',
      'application/json',
      'text/html, text/csv;q=0.9, application/json;q=0.5',
    )
    expect(csv.headers.get('content-type')).toBe('text/csv')
    expect(await csv.text()).toBe('0\n')
    const any = await invoke(url, '1,2\n', 'text/csv', '*/*')
    expect(await any.json()).toEqual({ predictions: [0] })
  })

  it('passes X-Amzn-SageMaker-Custom-Attributes in and sends the runner’s attributes back', async () => {
    const { url, runner } = await serve()
    runner.answer = (rows, context) => ({
      predictions: rows.map(() => 1),
      responseAttributes: `seen=${context.customAttributes}`,
    })
    const response = await fetch(`${url}/invocations`, {
      method: 'POST',
      body: '[[1]]',
      headers: { 'content-type': 'application/json', 'X-Amzn-SageMaker-Custom-Attributes': 'trace=abc,v=2' },
    })
    expect(runner.invocations[0]?.context.customAttributes).toBe('trace=abc,v=2')
    expect(response.headers.get('x-amzn-sagemaker-custom-attributes')).toBe('seen=trace=abc,v=2')

    runner.answer = (rows, context) => {
      context.responseAttributes = 'set-on-context'
      return { predictions: rows.map(() => 1) }
    }
    const fromContext = await invoke(url, '[[1]]', 'application/json')
    expect(runner.invocations[1]?.context.customAttributes).toBeUndefined()
    expect(fromContext.headers.get('x-amzn-sagemaker-custom-attributes')).toBe('set-on-context')

    runner.answer = () => ({ predictions: [1] })
    const none = await invoke(url, '[[1]]', 'application/json')
    expect(none.headers.has('x-amzn-sagemaker-custom-attributes')).toBe(false)
  })

  it('writes one access line per request through options.log', async () => {
    const lines: string[] = []
    const { url } = await serve(new FakeRunner(), (line) => lines.push(line))
    await (await invoke(url, '[[1]]', 'application/json')).text()
    await (await fetch(`${url}/nowhere?x=1`)).text()
    expect(lines).toEqual([
      expect.stringMatching(/^POST \/invocations 200 \d+\.\dms$/),
      expect.stringMatching(/^GET \/nowhere 404 \d+\.\dms$/),
    ])
  })
})
