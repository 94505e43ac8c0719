// Tracks the invocations still running, so close() can wait for them before stopping anything.

export class InFlight {
  readonly #calls = new Set<Promise<unknown>>()

  get size(): number {
    return this.#calls.size
  }

  track<T>(call: Promise<T>): Promise<T> {
    this.#calls.add(call)
    const settle = () => this.#calls.delete(call)
    call.then(settle, settle)
    return call
  }

  /** Resolves once nothing is running, including calls that started while waiting. */
  async drain(): Promise<void> {
    while (this.#calls.size > 0) await Promise.allSettled([...this.#calls])
  }
}
