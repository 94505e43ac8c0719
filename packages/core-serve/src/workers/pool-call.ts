// One invocation as the worker pool holds it, from invoke() until it is answered.
import type { EncodedRequest, EncodedResponse } from '../handler/handler-api'
import type { InvocationError } from '../handler/invocation-error'

export interface PoolCall {
  /** Unique among the calls in flight; also what a worker writes to say it is working on this call. */
  readonly id: number
  readonly request: EncodedRequest
  resolve(response: EncodedResponse): void
  reject(error: InvocationError): void
}
