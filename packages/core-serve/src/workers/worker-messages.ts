// The messages between the pool (main thread) and an invocation worker. Rows and predictions are
// plain JSON-like values, so structured cloning carries them as they are.
import type { InputRow } from '../handler/handler-api'
import type { InvocationResult } from '../handler/load-served-model'
import type { TransferredError } from './transfer-error'

/** `workerData` of every invocation worker. */
export interface InvocationWorkerData {
  modelDir: string
}

export interface InvokeMessage {
  type: 'invoke'
  id: number
  rows: InputRow[]
  customAttributes: string | undefined
}

export type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; error: TransferredError }
  | { type: 'result'; id: number; result: InvocationResult }
  | { type: 'failed'; id: number; status: 400 | 500; message: string }
