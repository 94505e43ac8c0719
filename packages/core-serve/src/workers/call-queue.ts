// Where the worker pool's batches are formed: calls wait here (never on a busy worker) until a worker
// is free, and a free worker takes the waiting calls as one batch. Calls to run again after their
// worker died go first, one per batch, so each runs alone.
import type { PoolCall } from './pool-call'

/** An upper bound on one batch, so one predict call never grows without limit under a flood. */
export const MAX_BATCH_CALLS = 64

export class CallQueue {
  #waiting: PoolCall[] = []
  #reruns: PoolCall[] = []

  get size(): number {
    return this.#waiting.length + this.#reruns.length
  }

  push(call: PoolCall): void {
    this.#waiting.push(call)
  }

  /** A call that shared a batch with a fault: it runs again alone, before anything else. */
  pushRerun(call: PoolCall): void {
    this.#reruns.push(call)
  }

  /** The next batch for a free worker, or undefined when nothing waits. */
  nextBatch(): PoolCall[] | undefined {
    const rerun = this.#reruns.shift()
    if (rerun) return [rerun]
    if (this.#waiting.length === 0) return undefined
    return this.#waiting.length <= MAX_BATCH_CALLS
      ? this.#waiting.splice(0)
      : this.#waiting.splice(0, MAX_BATCH_CALLS)
  }

  /** Empties the queue, handing back every call in it. */
  takeAll(): PoolCall[] {
    return [...this.#reruns.splice(0), ...this.#waiting.splice(0)]
  }
}
