import { describe, expect, it } from 'vitest'
import type { EncodedRequest } from '../handler/handler-api'
import { bodyText } from '../handler/response-body'
import {
  addCall,
  type CallResult,
  callsOf,
  type InvokeGroup,
  isSettled,
  requestOf,
  resultsOf,
  settledMessage,
  transferListOf,
} from './worker-messages'

/** What crosses to the other thread: the structured clone postMessage makes, moving what it transfers. */
const crossed = <T>(message: T, transfer: ArrayBuffer[] = []): T => structuredClone(message, { transfer })

describe('the messages between the pool and a worker', () => {
  it('carry the calls of a group whole and in order, with or without custom attributes (an empty value stays empty)', () => {
    const requests: EncodedRequest[] = [
      { body: '{"instances": [[1, 2]]}', contentType: 'application/json', accept: 'text/csv' },
      {
        body: 'a,b\n1,2\n',
        contentType: 'text/csv',
        accept: 'application/json',
        customAttributes: 'k=v\u00e9',
      },
      { body: '', contentType: 'application/jsonlines', accept: 'application/json', customAttributes: '' },
    ]
    const group: InvokeGroup = []
    for (const [index, request] of requests.entries()) addCall(group, index + 7, request)
    const calls = callsOf(crossed(group))
    expect(calls.map((call) => call[0])).toEqual([7, 8, 9])
    expect(calls.map(requestOf)).toStrictEqual(requests)
    expect(callsOf([])).toEqual([])
  })

  it("carry a batch's answers and errors in order, every optional field kept or left out", () => {
    const timings = {
      queue: 0.25,
      decode: 0.001,
      validate: 0,
      preprocess: 0.0123456789,
      predict: 1.5,
      postprocess: 0.002,
      encode: 0.003,
    }
    const results: CallResult[] = [
      { id: 1, response: { body: '{"predictions": [1]}', timings } },
      {
        id: 2,
        response: {
          body: 'a\n',
          responseAttributes: 'model=v2',
          warningCount: 12,
          warningsHeader: '[{"row":0,"field":"x","message":"m"}]',
          timings: { ...timings, queue: 0 },
        },
      },
      { id: 3, response: { body: '' } },
      { id: 4, status: 400, message: 'row 3 (counting from 0): x is missing', where: { row: 3, field: 'x' } },
      // Multi-byte UTF-8 after an error: each body is found by its byte length, not its string length.
      { id: 8, response: { body: '{"label":"caf\u00e9 \u{1F600}"}' } },
      { id: 5, status: 400, message: 'the body is not JSON', where: { row: 0 } },
      { id: 6, status: 500, message: 'predict failed' },
      { id: 7, status: 400, message: 'unknown field', where: { field: 'y' } },
      { id: 9, response: { body: 'last' } },
    ]
    const packed = settledMessage(results)
    const bytes = transferListOf(packed)
    expect(bytes).toHaveLength(1)
    const message = crossed(packed, bytes)
    // Moved, not copied: the sender's buffer is detached.
    expect(bytes[0]?.byteLength).toBe(0)
    expect(isSettled(message)).toBe(true)
    const arrived = resultsOf(message)
    const asText = arrived.map((result) =>
      'response' in result
        ? { ...result, response: { ...result.response, body: bodyText(result.response.body) } }
        : result,
    )
    expect(asText).toStrictEqual(results)
    // The answers are views of the one buffer that came with the message, back to back.
    const bodies = arrived.flatMap((result) =>
      'response' in result ? [result.response.body as Uint8Array] : [],
    )
    expect(bodies.every((body) => body instanceof Uint8Array && body.buffer === bodies[0]?.buffer)).toBe(true)
    expect(bodies.map((body) => [body.byteOffset, body.byteLength])).toEqual([
      [0, 20],
      [20, 2],
      [22, 0],
      [22, 22],
      [44, 4],
    ])
  })

  it('tell control messages from answers', () => {
    expect(isSettled({ type: 'loaded', batches: true })).toBe(false)
    expect(isSettled({ type: 'load-failed', error: { message: 'no model.onnx' } })).toBe(false)
    expect(isSettled(settledMessage([]))).toBe(true)
    expect(resultsOf(settledMessage([]))).toEqual([])
    expect(transferListOf({ type: 'loaded', batches: true })).toEqual([])
    expect(resultsOf(crossed(settledMessage([{ id: 1, status: 500, message: 'x' }])))).toEqual([
      { id: 1, status: 500, message: 'x' },
    ])
  })
})
