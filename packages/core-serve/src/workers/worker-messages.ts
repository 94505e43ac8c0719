// The messages between the pool (main thread) and an invocation worker: request and response text,
// which cross threads far cheaper than the rows and predictions they decode to. Calls go over one by
// one as they arrive; a batch's results come back as one message.

import type { EncodedRequest, EncodedResponse } from '../handler/handler-api'
import type { ErrorLocation } from '../handler/invocation-error'
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

export interface InvokeMessage {
  type: 'invoke'
  id: number
  request: EncodedRequest
}

export type CallResult =
  | { id: number; response: EncodedResponse }
  | { id: number; status: 400 | 500; message: string; where?: ErrorLocation }

export type WorkerMessage =
  /** `batches` is false when the handler has its own predict hook: every call then runs alone. */
  | { type: 'loaded'; batches: boolean }
  | { type: 'load-failed'; error: TransferredError }
  | { type: 'settled'; results: CallResult[] }
