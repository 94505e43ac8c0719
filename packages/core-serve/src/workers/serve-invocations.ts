// The body of an invocation worker thread: loads the bundle on this thread (readModelDir, handler
// module, `load`), then answers `invoke` messages. session.run blocks the thread it runs on, which
// is why predictions happen here and not on the main thread that serves HTTP.
//
// This is where batches are formed: calls that arrive while a batch runs queue up here, and the next
// batch takes them all (in arrival order, up to MAX_BATCH_CALLS), sharing one predict call (see
// answer-batch.ts). A thread that is free answers a call as soon as it arrives: no extra turn of the
// event loop at low load, and no trip back to the main thread between batches under load.
import { parentPort, workerData } from 'node:worker_threads'
import { loadServedModel, type ServedModel } from '../handler/load-served-model'
import { toTransferredError } from './transfer-error'
import {
  type CallResult,
  type InvocationWorkerData,
  type InvokeMessage,
  PROGRESS,
  type WorkerMessage,
} from './worker-messages'

/** An upper bound on one batch, so one predict call never grows without limit under a flood. */
const MAX_BATCH_CALLS = 64

export function runInvocationWorker(): void {
  const port = parentPort
  if (!port) throw new Error('runInvocationWorker runs inside a worker thread started by createWorkerPool')
  const send = (message: WorkerMessage) => port.postMessage(message)
  const data = workerData as InvocationWorkerData
  const progress = new Int32Array(data.progress)
  loadServedModel(data.modelDir, undefined, data.predictor).then(
    (served) => {
      const queue: InvokeMessage[] = []
      // While a batch awaits the model, new messages keep arriving on this thread's port and queue up.
      let draining = false
      const drain = async () => {
        draining = true
        try {
          while (queue.length > 0) await answer(served, queue.splice(0, MAX_BATCH_CALLS), progress, send)
        } finally {
          draining = false
        }
      }
      port.on('message', (message: InvokeMessage) => {
        queue.push(message)
        if (!draining) void drain()
      })
      send({ type: 'loaded' })
    },
    // The pool terminates this worker when it gets the message.
    (error: unknown) => send({ type: 'load-failed', error: toTransferredError(error) }),
  )
}

async function answer(
  served: ServedModel,
  batch: InvokeMessage[],
  progress: Int32Array,
  send: (message: WorkerMessage) => void,
): Promise<void> {
  Atomics.store(progress, PROGRESS.batchEnd, (batch[batch.length - 1] as InvokeMessage).id)
  const settled = await served.invokeEncodedBatch(
    batch.map((message) => message.request),
    (index) => Atomics.store(progress, PROGRESS.workingOn, index === undefined ? 0 : (batch[index]?.id ?? 0)),
  )
  const results = settled.map((result, i): CallResult => {
    const { id } = batch[i] as InvokeMessage
    // A response carries its own stage timings and warnings (EncodedResponse), made here in the worker.
    if ('response' in result) return { id, response: result.response }
    const { status, message, where } = result.error
    return { id, status, message, ...(where ? { where } : {}) }
  })
  Atomics.store(progress, PROGRESS.batchEnd, 0)
  send({ type: 'settled', results })
}
