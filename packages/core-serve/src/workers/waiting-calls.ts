// The calls the pool holds because no worker may take them yet: no worker is loaded (a replacement is
// starting), or calls to run again alone go first. A worker that died hands back the calls it had not
// started; they go to the front, in the order they came.
import type { PoolCall } from './pool-call'

export class WaitingCalls {
  #reruns: PoolCall[] = []
  #calls: PoolCall[] = []

  get size(): number {
    return this.#reruns.length + this.#calls.length
  }

  /** True while a call waits to run again alone: new calls wait behind it. */
  get rerunWaiting(): boolean {
    return this.#reruns.length > 0
  }

  push(call: PoolCall): void {
    call.waitingSince = performance.now()
    this.#calls.push(call)
  }

  /** Calls a worker took but never started: first in line again. */
  requeue(calls: readonly PoolCall[]): void {
    const now = performance.now()
    for (const call of calls) call.waitingSince = now
    this.#calls.unshift(...calls)
  }

  /** A call that shared a batch with a fault: it runs again, alone on a thread, before anything else. */
  pushRerun(call: PoolCall): void {
    call.waitingSince = performance.now()
    this.#reruns.push(call)
  }

  nextRerun(): PoolCall | undefined {
    return this.#reruns.shift()
  }

  next(): PoolCall | undefined {
    return this.#calls.shift()
  }

  /** Empties the queue, handing back every call in it. */
  takeAll(): PoolCall[] {
    return [...this.#reruns.splice(0), ...this.#calls.splice(0)]
  }
}
