// The body of an invocation worker thread: loads the bundle on this thread (readModelDir, handler
// module, `load`), then answers `invoke` messages. session.run blocks the thread it runs on, which
// is why predictions happen here and not on the main thread that serves HTTP. Requests that queue up
// while the worker is busy are answered together, sharing one predict call (see answer-batch.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { loadServedModel, type ServedModel } from '../handler/load-served-model'
import { toTransferredError } from './transfer-error'
import type { InvocationWorkerData, InvokeMessage, WorkerMessage } from './worker-messages'

/** An upper bound on one batch, so one predict call never grows without limit under a flood. */
const MAX_BATCH_REQUESTS = 64

export function runInvocationWorker(): void {
  const port = parentPort
  if (!port) throw new Error('runInvocationWorker runs inside a worker thread started by createWorkerPool')
  const send = (message: WorkerMessage) => port.postMessage(message)
  const { modelDir } = workerData as InvocationWorkerData
  loadServedModel(modelDir).then(
    (served) => {
      const queue: InvokeMessage[] = []
      // A request is answered as soon as it arrives when the worker is idle: no extra turn of the event
      // loop at low load. While a batch awaits the model, new messages keep arriving on this thread's
      // port and queue up; the loop takes them all as the next batch.
      let draining = false
      const drain = async () => {
        draining = true
        try {
          while (queue.length > 0) await answer(served, queue.splice(0, MAX_BATCH_REQUESTS), send)
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

async function answer(served: ServedModel, batch: InvokeMessage[], send: (message: WorkerMessage) => void) {
  const settled = await served.invokeEncodedBatch(batch.map((message) => message.request))
  settled.forEach((result, i) => {
    const id = (batch[i] as InvokeMessage).id
    if ('response' in result) send({ type: 'result', id, response: result.response })
    else {
      const { status, message, where } = result.error
      send({ type: 'failed', id, status, message, ...(where ? { where } : {}) })
    }
  })
}
