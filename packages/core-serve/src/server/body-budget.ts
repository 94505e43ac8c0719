// Counts the request bodies the server holds against one budget for the whole process, so a flood of
// large or stalled uploads gets 503s instead of growing the heap. A request's bytes count from the
// moment they are known (its Content-Length, or each chunk as it arrives) until its response closes:
// the body stays in memory while it waits for a worker and runs.
import type { ServerResponse } from 'node:http'
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

  /** A share for the request that `res` answers, given back when the response closes. */
  holdFor(res: ServerResponse): BodyHold {
    let held = 0
    res.once('close', () => {
      this.#used -= held
      held = 0
    })
    return {
      hold: (bytes) => {
        if (bytes <= held) return
        if (this.#used + bytes - held > this.limit) throw this.#refusal(bytes)
        this.#used += bytes - held
        held = bytes
      },
    }
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
