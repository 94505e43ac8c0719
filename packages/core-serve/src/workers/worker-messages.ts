// The messages between the pool (main thread) and an invocation worker: request and response text,
// which cross threads far cheaper than the rows and predictions they decode to.
import type { EncodedRequest, EncodedResponse } from '../handler/handler-api'
import type { ErrorLocation } from '../handler/invocation-error'
import type { TransferredError } from './transfer-error'

/** `workerData` of every invocation worker. */
export interface InvocationWorkerData {
  modelDir: string
}

export interface InvokeMessage {
  type: 'invoke'
  id: number
  request: EncodedRequest
}

export type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; error: TransferredError }
  | { type: 'result'; id: number; response: EncodedResponse }
  | { type: 'failed'; id: number; status: 400 | 500; message: string; where?: ErrorLocation }
