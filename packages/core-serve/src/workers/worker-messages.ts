// The messages between the pool (main thread) and an invocation worker: request and response text,
// which cross threads far cheaper than the rows and predictions they decode to. A batch goes over as
// one message and comes back as one.
import type { EncodedRequest, EncodedResponse } from '../handler/handler-api'
import type { TransferredError } from './transfer-error'

/** `workerData` of every invocation worker. */
export interface InvocationWorkerData {
  modelDir: string
  /**
   * One Int32 the worker keeps set to the id of the call whose own work is in progress (0 while the
   * batch shares its predict call, or between batches). Shared memory, so the pool can still read it
   * after the thread died or while it is stuck, to name the call at fault.
   */
  workingOn: SharedArrayBuffer
}

/** A worker gets a batch only when it has answered the last one. */
export interface InvokeMessage {
  type: 'invoke'
  calls: Array<{ id: number; request: EncodedRequest }>
}

export type CallResult =
  | { id: number; response: EncodedResponse }
  | { id: number; status: 400 | 500; message: string }

export type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; error: TransferredError }
  | { type: 'settled'; results: CallResult[] }
