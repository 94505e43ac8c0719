// The adaptive batcher of an invocation worker: calls queue here as they arrive and are packed, in
// arrival order, into predict calls of at most `maxRows` rows, counted across requests. A batch
// closes when the next request's rows would not fit (that request opens the next batch: a request's
// rows are never split between calls to fill one), when it holds `maxRows` rows, or when the queue is
// empty and the batch window is over: `maxDelayMs` after its first request arrived (0: at once, so a
// lone request never waits). A request that alone has more rows than `maxRows` runs alone, in calls
// of `maxRows` rows (answer-batch.ts). Rows are known only once a request is decoded, so each is
// prepared (decoded, checked, preprocessed) as it is taken; one that fails is answered with its own
// error and takes no room. A batch's answers go back to the pool in one message.
//
// The pool learns what a fault hit from the shared progress slots: the call whose own work is in
// progress, and the last call started (see worker-messages.ts PROGRESS).
import type { PreparedRequest, Settled } from '../handler/answer-batch'
import type { InvocationError } from '../handler/invocation-error'
import type { ServedModel } from '../handler/load-served-model'
import { workedMs } from '../handler/stage-timings'
import { toInvocationError } from '../handler/to-invocation-error'
import type { BatchingSettings } from './batching-settings'
import {
  type CallResult,
  type InvokeMessage,
  PROGRESS,
  requestOf,
  settledMessage,
  type WorkerMessage,
} from './worker-messages'

interface Arrival {
  message: InvokeMessage
  /** performance.now() on this thread when the message was taken off the port. */
  arrivedAt: number
}

interface Started extends Arrival {
  prepared: PreparedRequest
}

export class RequestBatcher {
  readonly #served: ServedModel
  readonly #maxRows: number
  readonly #maxDelayMs: number
  readonly #progress: Int32Array
  readonly #send: (message: WorkerMessage) => void
  readonly #queue: Arrival[] = []
  /** Started but did not fit the batch it was taken for: the first request of the next one. */
  #carried: Started | undefined
  #running = false
  /** Set while a batch waits within its window: an arrival ends the wait at once. */
  #wake: (() => void) | undefined

  constructor(
    served: ServedModel,
    settings: Pick<BatchingSettings, 'maxRows' | 'maxDelayMs'>,
    progress: Int32Array,
    send: (message: WorkerMessage) => void,
  ) {
    this.#served = served
    this.#maxRows = settings.maxRows
    this.#maxDelayMs = settings.maxDelayMs
    this.#progress = progress
    this.#send = send
  }

  arrive(message: InvokeMessage): void {
    this.#queue.push({ message, arrivedAt: performance.now() })
    if (this.#wake) this.#wake()
    // A free thread answers at once: no extra turn of the event loop at low load.
    else if (!this.#running) void this.#run()
  }

  async #run(): Promise<void> {
    this.#running = true
    try {
      while (this.#queue.length > 0 || this.#carried) {
        if (this.#served.batches) await this.#answerBatch()
        else await this.#answerAlone(this.#queue.shift() as Arrival)
      }
    } finally {
      this.#running = false
    }
  }

  async #answerBatch(): Promise<void> {
    const results: CallResult[] = []
    const members: Started[] = []
    let rows = 0
    for (;;) {
      let next = this.#carried
      this.#carried = undefined
      if (next === undefined) {
        let arrival = this.#queue.shift()
        if (arrival === undefined) {
          // Awaited only when there is a window to wait in: a lone request costs no extra turn.
          const waiting = this.#arrivalInWindow(members[0])
          arrival = waiting && (await waiting)
          if (arrival === undefined) break
        }
        next = await this.#start(arrival, results)
        if (next === undefined) continue
      }
      if (members.length > 0 && rows + next.prepared.rows > this.#maxRows) {
        this.#carried = next
        break
      }
      members.push(next)
      rows += next.prepared.rows
      if (rows >= this.#maxRows) break
    }
    if (members.length > 0) {
      const answered = await this.#served.answerPrepared(
        members.map((member) => member.prepared),
        this.#maxRows,
        (index) => this.#workingOn(index === undefined ? 0 : (members[index] as Started).message[0]),
      )
      const now = performance.now()
      for (const [index, member] of members.entries()) {
        results.push(toResult(member.message[0], answered[index] as Settled, now - member.arrivedAt))
      }
    }
    this.#settle(results)
  }

  /** A handler with its own predict hook: each call is a batch of its own. */
  async #answerAlone(arrival: Arrival): Promise<void> {
    const id = arrival.message[0]
    Atomics.store(this.#progress, PROGRESS.batchEnd, id)
    this.#workingOn(id)
    const settled = await this.#served.invokeEncoded(requestOf(arrival.message)).then(
      (response): Settled => ({ response }),
      (error: unknown): Settled => ({ error: toInvocationError(error, 'invoke') }),
    )
    this.#workingOn(0)
    this.#settle([toResult(id, settled, performance.now() - arrival.arrivedAt)])
  }

  /** Decodes and preprocesses the call; one that fails is answered with its error and left out. */
  async #start(arrival: Arrival, results: CallResult[]): Promise<Started | undefined> {
    const id = arrival.message[0]
    Atomics.store(this.#progress, PROGRESS.batchEnd, id)
    this.#workingOn(id)
    try {
      return { ...arrival, prepared: await this.#served.prepare(requestOf(arrival.message)) }
    } catch (error) {
      results.push(toResult(id, { error: error as InvocationError }, 0))
      return undefined
    } finally {
      this.#workingOn(0)
    }
  }

  /** The next arrival within the batch's window, or undefined once the window is over. */
  #arrivalInWindow(first: Started | undefined): Promise<Arrival | undefined> | undefined {
    if (first === undefined || this.#maxDelayMs === 0) return undefined
    const left = first.arrivedAt + this.#maxDelayMs - performance.now()
    if (left <= 0) return undefined
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#wake = undefined
        resolve(this.#queue.shift())
      }
      const timer = setTimeout(done, left)
      this.#wake = done
    })
  }

  #settle(results: CallResult[]): void {
    // A carried call has started: it stays the last one started until its batch settles.
    Atomics.store(this.#progress, PROGRESS.batchEnd, this.#carried?.message[0] ?? 0)
    if (results.length > 0) this.#send(settledMessage(results))
  }

  #workingOn(id: number): void {
    Atomics.store(this.#progress, PROGRESS.workingOn, id)
  }
}

/** `inWorkerMs`: from the call's arrival on this thread to its answer; what its stages did not use is queue. */
function toResult(id: number, settled: Settled, inWorkerMs: number): CallResult {
  if ('response' in settled) {
    const { timings } = settled.response
    if (timings) timings.queue = Math.max(0, inWorkerMs - workedMs(timings))
    return { id, response: settled.response }
  }
  const { status, message, where } = settled.error
  return { id, status, message, ...(where ? { where } : {}) }
}
