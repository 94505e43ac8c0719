// The body of an invocation worker thread: loads the bundle on this thread (readModelDir, handler
// module, `load`), then answers `invoke` messages through its batcher (request-batcher.ts), which packs
// the calls that queue up while a batch runs into shared predict calls. session.run blocks the thread
// it runs on, which is why predictions happen here and not on the main thread that serves HTTP.
import { parentPort, workerData } from 'node:worker_threads'
import { loadServedModel } from '../handler/load-served-model'
import { RequestBatcher } from './request-batcher'
import { toTransferredError } from './transfer-error'
import {
  callsOf,
  type InvocationWorkerData,
  type InvokeGroup,
  transferListOf,
  type WorkerMessage,
} from './worker-messages'

export function runInvocationWorker(): void {
  const port = parentPort
  if (!port) throw new Error('runInvocationWorker runs inside a worker thread started by createWorkerPool')
  const send = (message: WorkerMessage) => port.postMessage(message, transferListOf(message))
  const data = workerData as InvocationWorkerData
  loadServedModel(data.modelDir, undefined, data.predictor).then(
    (served) => {
      const batcher = new RequestBatcher(served, data.batching, new Int32Array(data.progress), send)
      // The calls of a group arrive before the first of them awaits anything: they start as one batch.
      port.on('message', (group: InvokeGroup) => {
        for (const call of callsOf(group)) batcher.arrive(call)
      })
      send({ type: 'loaded', batches: served.batches })
    },
    // The pool terminates this worker when it gets the message.
    (error: unknown) => send({ type: 'load-failed', error: toTransferredError(error) }),
  )
}
