// Counts the request bodies the server holds against one budget for the whole process, so a flood of
// large or stalled uploads gets 503s instead of growing the heap. A request's bytes count from the
// moment they are known (its Content-Length, or each chunk as it arrives) until the invocations route
// is done with it (answered, or failed): the body stays in memory while it waits for a worker and runs.
import { MAX_BUFFERED_ENV } from './buffered-body-limit'
import { HttpError } from './http-error'
import { MB } from './payload-limit'

/** Seconds a refused client is asked to wait: a moment, for the bodies in flight to be answered. */
const RETRY_AFTER_S = 1

/** One request's share of the budget. */
export interface BodyHold {
  /** Grows the share to `bytes` (no-op if it already holds that much); throws a 503 past the budget. */
  hold(bytes: number): void
}

/** A share that its owner gives back once, when it no longer holds the body. */
export interface BodyShare extends BodyHold {
  release(): void
}

export class BodyBudget {
  readonly limit: number
  #used = 0

  constructor(limitBytes: number) {
    this.limit = limitBytes
  }

  /** Bytes held by requests right now. */
  get used(): number {
    return this.#used
  }

  /** A share for one request, empty until it holds bytes; the caller releases it in a `finally`. */
  share(): BodyShare {
    return new Share(this)
  }

  /** Moves the bytes in use by `change`; throws the 503 when growing past the limit. */
  adjust(change: number): void {
    if (change > 0 && this.#used + change > this.limit) throw this.#refusal(change)
    this.#used += change
  }

  #refusal(bytes: number): HttpError {
    const inUse = Math.round((this.#used / MB) * 10) / 10
    return new HttpError(
      503,
      `the server holds ${inUse} MB of request bodies, and ${bytes} more bytes would pass its limit of ` +
        `${Math.round((this.limit / MB) * 10) / 10} MB (${MAX_BUFFERED_ENV}); retry in a moment`,
      { 'retry-after': String(RETRY_AFTER_S) },
    )
  }
}

/** A class rather than closures: one small object per request on the hot path. */
class Share implements BodyShare {
  readonly #budget: BodyBudget
  #held = 0

  constructor(budget: BodyBudget) {
    this.#budget = budget
  }

  hold(bytes: number): void {
    if (bytes <= this.#held) return
    this.#budget.adjust(bytes - this.#held)
    this.#held = bytes
  }

  release(): void {
    this.#budget.adjust(-this.#held)
    this.#held = 0
  }
}
