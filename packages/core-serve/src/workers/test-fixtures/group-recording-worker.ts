// Test fixture: a worker thread that speaks the pool's messages without a model. It says it has loaded,
// then answers every call of each message it receives, on the next turn of its event loop, with the
// number of calls that message held as the answer's body: what a test needs to see how the pool
// grouped its calls.
import { parentPort } from 'node:worker_threads'
import {
  callsOf,
  type InvokeGroup,
  settledMessage,
  transferListOf,
  type WorkerMessage,
} from '../worker-messages'

export const GROUP_RECORDING_WORKER = new URL(import.meta.url)

const port = parentPort
if (port) {
  const send = (message: WorkerMessage) => port.postMessage(message, transferListOf(message))
  port.on('message', (group: InvokeGroup) => {
    const calls = callsOf(group)
    setImmediate(() =>
      send(settledMessage(calls.map(([id]) => ({ id, response: { body: String(calls.length) } })))),
    )
  })
  send({ type: 'loaded', batches: true })
}
