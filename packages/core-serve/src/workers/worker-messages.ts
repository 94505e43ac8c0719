// The messages between the pool (main thread) and an invocation worker: request text and answer bytes,
// which cross threads far cheaper than the rows and predictions they decode to. The calls given to a
// busy worker in one turn of the main thread's event loop go over as one message; a batch's results
// come back as one message.
//
// Both kinds of message are flat arrays of strings and numbers, packed and unpacked here:
// structured cloning rebuilds a nested object property by property (shape transitions and key
// lookups on both threads), which cost a one-row request about a tenth of its round trip; a flat
// array of primitives crosses at about the cost of its strings.
//
// A batch's answers go back as UTF-8 bytes, back to back in one ArrayBuffer that is moved, not
// copied, to the main thread, which writes each answer's bytes to its socket as they are. As strings
// they were copied twice more on the main thread (deserialized onto its heap, then flattened with the
// headers and encoded by the socket write), and with a batch's answers all alive at once, those
// copies outlived young-generation collections: at 64 rows and 32 connections the main thread
// promoted about 10 KB per request to its old space, and collecting that took more CPU than the
// requests' own JavaScript there.

import type { EncodedRequest, EncodedResponse, RunnerResponse } from '../handler/handler-api'
import type { ErrorLocation } from '../handler/invocation-error'
import { noTimings, type StageTimings, WORK_STAGES } from '../handler/stage-timings'
import type { PredictorOptions } from '../predictors/predictor-options'
import type { BatchingSettings } from './batching-settings'
import type { TransferredError } from './transfer-error'

/** `workerData` of every invocation worker. */
export interface InvocationWorkerData {
  modelDir: string
  /**
   * Two Int32s the worker keeps up to date (see PROGRESS), in shared memory so the pool can still read
   * them after the thread died or while it is stuck, to tell which calls a fault hit.
   */
  progress: SharedArrayBuffer
  /** How the weights are held (the serving plan); absent: what suits the files. */
  predictor?: PredictorOptions
  /** How the worker packs queued calls into predict calls (see request-batcher.ts). */
  batching: Pick<BatchingSettings, 'maxRows' | 'maxDelayMs'>
}

/** Slots of InvocationWorkerData.progress. */
export const PROGRESS = {
  /** The id of the call whose own work is in progress; 0 while the batch shares its predict call. */
  workingOn: 0,
  /**
   * The id of the last call the worker has started (decoding it counts): the calls up to it are its
   * batch, and a call it carries over to its next batch; 0 when it holds none. Calls are started in
   * arrival order, so the calls after it were never touched.
   */
  batchEnd: 1,
} as const

/** One call to a worker: `[id, body, contentType, accept, customAttributes]`. */
export type InvokeMessage = readonly [
  id: number,
  body: string,
  contentType: string,
  accept: string,
  customAttributes: string | undefined,
]

/** Values per call in an InvokeGroup: the fields of an InvokeMessage. */
const CALL_SLOTS = 5

/**
 * Calls the pool gives one worker, CALL_SLOTS values each, in the order given: a lone call for an idle
 * worker, else those given to the busy worker in one turn of the main thread's event loop (see the
 * pool's #send). One message for them all, where each used to cost a postMessage of its own on both
 * threads; the worker queues them together, so they can share its next batch.
 */
export type InvokeGroup = Array<string | number | undefined>

export function addCall(group: InvokeGroup, id: number, request: EncodedRequest): void {
  group.push(id, request.body, request.contentType, request.accept, request.customAttributes)
}

export function callsOf(group: InvokeGroup): InvokeMessage[] {
  const calls: InvokeMessage[] = []
  for (let at = 0; at < group.length; at += CALL_SLOTS) {
    calls.push(group.slice(at, at + CALL_SLOTS) as unknown as InvokeMessage)
  }
  return calls
}

export function requestOf(message: InvokeMessage): EncodedRequest {
  const [, body, contentType, accept, customAttributes] = message
  return customAttributes === undefined
    ? { body, contentType, accept }
    : { body, contentType, accept, customAttributes }
}

/** One call's outcome: `R` is the worker's EncodedResponse, or the RunnerResponse it becomes on arrival. */
export type CallResult<R extends RunnerResponse = EncodedResponse> =
  | { id: number; response: R }
  | { id: number; status: 400 | 500; message: string; where?: ErrorLocation }

/** The slots of StageTimings in a settled message, in this order. */
const TIMING_SLOTS = ['queue', ...WORK_STAGES] as const
/**
 * Slots per call in a settled message: id, status (200, 400 or 500), then for a 200 its body's byte
 * length, responseAttributes, warningCount and warningsHeader, for an error its message, row and
 * field, and last the timings (the first undefined when there are none).
 */
const RESULT_SLOTS = 6 + TIMING_SLOTS.length

/**
 * A batch's results, RESULT_SLOTS values per call, and last the ArrayBuffer that holds the bodies of
 * its 200s in order: what `settledMessage` packs.
 */
export type SettledMessage = ReadonlyArray<string | number | ArrayBuffer | undefined>

export function settledMessage(results: readonly CallResult[]): SettledMessage {
  let bytes = 0
  for (const result of results) if ('response' in result) bytes += Buffer.byteLength(result.response.body)
  // Not from Buffer's shared pool: the whole ArrayBuffer moves to the other thread.
  const bodies = Buffer.allocUnsafeSlow(bytes)
  let written = 0
  const packed: Array<string | number | ArrayBuffer | undefined> = []
  for (const result of results) {
    if ('response' in result) {
      const { body, responseAttributes, warningCount, warningsHeader, timings } = result.response
      const length = bodies.write(body, written)
      written += length
      packed.push(result.id, 200, length, responseAttributes, warningCount, warningsHeader)
      for (const slot of TIMING_SLOTS) packed.push(timings?.[slot])
    } else {
      packed.push(result.id, result.status, result.message, result.where?.row, result.where?.field, undefined)
      for (let slot = 0; slot < TIMING_SLOTS.length; slot++) packed.push(undefined)
    }
  }
  packed.push(bodies.buffer)
  return packed
}

/** What posting `message` moves to the other thread instead of copying: a batch's answer bytes. */
export function transferListOf(message: WorkerMessage): ArrayBuffer[] {
  if (!isSettled(message)) return []
  const bodies = message[message.length - 1]
  return bodies instanceof ArrayBuffer ? [bodies] : []
}

/** A settled message's results; each 200's body is a view of the bytes that came with it. */
export function resultsOf(message: SettledMessage): Array<CallResult<RunnerResponse>> {
  const results: Array<CallResult<RunnerResponse>> = []
  const bodies = message[message.length - 1] as ArrayBuffer
  let read = 0
  for (let at = 0; at + RESULT_SLOTS <= message.length - 1; at += RESULT_SLOTS) {
    const id = message[at] as number
    const status = message[at + 1] as 200 | 400 | 500
    if (status !== 200) {
      const text = message[at + 2] as string
      const row = message[at + 3] as number | undefined
      const field = message[at + 4] as string | undefined
      const where: ErrorLocation | undefined =
        row === undefined && field === undefined
          ? undefined
          : { ...(row === undefined ? {} : { row }), ...(field === undefined ? {} : { field }) }
      results.push(where ? { id, status, message: text, where } : { id, status, message: text })
      continue
    }
    const length = message[at + 2] as number
    const response: RunnerResponse = { body: Buffer.from(bodies, read, length) }
    read += length
    const attributes = message[at + 3] as string | undefined
    const warningCount = message[at + 4] as number | undefined
    const warningsHeader = message[at + 5] as string | undefined
    if (attributes !== undefined) response.responseAttributes = attributes
    if (warningCount !== undefined) response.warningCount = warningCount
    if (warningsHeader !== undefined) response.warningsHeader = warningsHeader
    if (message[at + 6] !== undefined) response.timings = timingsAt(message, at + 6)
    results.push({ id, response })
  }
  return results
}

function timingsAt(message: SettledMessage, at: number): StageTimings {
  const timings = noTimings()
  for (let slot = 0; slot < TIMING_SLOTS.length; slot++) {
    timings[TIMING_SLOTS[slot] as keyof StageTimings] = message[at + slot] as number
  }
  return timings
}

/**
 * Control messages are objects; a batch's results are a SettledMessage (an array). `batches` is false
 * when the handler has its own predict hook: every call then runs alone.
 */
export type WorkerMessage =
  | { type: 'loaded'; batches: boolean }
  | { type: 'load-failed'; error: TransferredError }
  | SettledMessage

export function isSettled(message: WorkerMessage): message is SettledMessage {
  return Array.isArray(message)
}
