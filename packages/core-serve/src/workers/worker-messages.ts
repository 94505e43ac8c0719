// The messages between the pool (main thread) and an invocation worker: request and response text,
// which cross threads far cheaper than the rows and predictions they decode to. Calls go over one by
// one as they arrive; a batch's results come back as one message.
import type { EncodedRequest, EncodedResponse } from '../handler/handler-api'
import type { ErrorLocation } from '../handler/invocation-error'
import type { PredictorOptions } from '../predictors/predictor-options'
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
}

/** Slots of InvocationWorkerData.progress. */
export const PROGRESS = {
  /** The id of the call whose own work is in progress; 0 while the batch shares its predict call. */
  workingOn: 0,
  /** The id of the last call of the batch being run (a batch is a run of the calls in arrival order); 0 between batches. */
  batchEnd: 1,
} as const

export interface InvokeMessage {
  type: 'invoke'
  id: number
  request: EncodedRequest
}

export type CallResult =
  | { id: number; response: EncodedResponse }
  | { id: number; status: 400 | 500; message: string; where?: ErrorLocation }

export type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; error: TransferredError }
  | { type: 'settled'; results: CallResult[] }
