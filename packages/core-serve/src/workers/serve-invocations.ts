// The body of an invocation worker thread: loads the bundle on this thread (readModelDir, handler
// module, `load`), then answers `invoke` messages. session.run blocks the thread it runs on, which
// is why predictions happen here and not on the main thread that serves HTTP.
import { parentPort, workerData } from 'node:worker_threads'
import { loadServedModel } from '../handler/load-served-model'
import { toInvocationError } from '../handler/to-invocation-error'
import { toTransferredError } from './transfer-error'
import type { InvocationWorkerData, InvokeMessage, WorkerMessage } from './worker-messages'

export function runInvocationWorker(): void {
  const port = parentPort
  if (!port) throw new Error('runInvocationWorker runs inside a worker thread started by createWorkerPool')
  const send = (message: WorkerMessage) => port.postMessage(message)
  const { modelDir } = workerData as InvocationWorkerData
  loadServedModel(modelDir).then(
    (served) => {
      port.on('message', (message: InvokeMessage) => {
        served.invokeEncoded(message.request).then(
          (response) => send({ type: 'result', id: message.id, response }),
          (error: unknown) => {
            const failure = toInvocationError(error, 'invoke')
            send({ type: 'failed', id: message.id, status: failure.status, message: failure.message })
          },
        )
      })
      send({ type: 'loaded' })
    },
    // The pool terminates this worker when it gets the message.
    (error: unknown) => send({ type: 'load-failed', error: toTransferredError(error) }),
  )
}
