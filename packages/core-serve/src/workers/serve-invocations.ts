// The body of an invocation worker thread: loads the bundle on this thread (readModelDir, handler
// module, `load`), then answers the batches the pool sends, one at a time. session.run blocks the
// thread it runs on, which is why predictions happen here and not on the main thread that serves
// HTTP. The requests of a batch share one predict call (see answer-batch.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { loadServedModel } from '../handler/load-served-model'
import { toTransferredError } from './transfer-error'
import type { CallResult, InvocationWorkerData, InvokeMessage, WorkerMessage } from './worker-messages'

export function runInvocationWorker(): void {
  const port = parentPort
  if (!port) throw new Error('runInvocationWorker runs inside a worker thread started by createWorkerPool')
  const send = (message: WorkerMessage) => port.postMessage(message)
  const data = workerData as InvocationWorkerData
  const workingOn = new Int32Array(data.workingOn)
  loadServedModel(data.modelDir).then(
    (served) => {
      port.on('message', async ({ calls }: InvokeMessage) => {
        const settled = await served.invokeEncodedBatch(
          calls.map((call) => call.request),
          (index) => Atomics.store(workingOn, 0, index === undefined ? 0 : (calls[index]?.id ?? 0)),
        )
        const results = settled.map((result, i): CallResult => {
          const id = calls[i]?.id ?? 0
          return 'response' in result
            ? { id, response: result.response }
            : { id, status: result.error.status, message: result.error.message }
        })
        send({ type: 'settled', results })
      })
      send({ type: 'loaded' })
    },
    // The pool terminates this worker when it gets the message.
    (error: unknown) => send({ type: 'load-failed', error: toTransferredError(error) }),
  )
}
