// One invocation as the worker pool holds it, from invoke() until it is answered.
import type { EncodedRequest, RunnerResponse } from '../handler/handler-api'
import type { InvocationError } from '../handler/invocation-error'

export interface PoolCall {
  /** Unique among the calls in flight; also what a worker writes to say it is working on this call. */
  readonly id: number
  readonly request: EncodedRequest
  resolve(response: RunnerResponse): void
  reject(error: InvocationError): void
  /** performance.now() since when it waits in the pool's queue (WaitingCalls); undefined while a worker has it. */
  waitingSince?: number | undefined
  /** Time it spent in the pool's queue, all waits together: part of its Server-Timing queue. */
  waitedMs: number
}
