// Maps whatever a handler hook threw to the HTTP status it deserves: the request's fault (a UserError,
// e.g. a field of the wrong type) is a 400, anything else is the model's fault, a 500.
// Errors are recognised by name as well as by class: a bundled code/inference.mjs carries its own
// copies of UserError and InvocationError, so `instanceof` alone would turn its 400s into 500s.
import { isUserError } from '@sagepack/core-data'
import { InvocationError } from './invocation-error'

export function toInvocationError(error: unknown, stage: string): InvocationError {
  if (error instanceof InvocationError) return error
  const status = invocationStatusOf(error)
  if (status !== undefined) return new InvocationError(status, (error as Error).message)
  if (isUserError(error)) return new InvocationError(400, error.message)
  return new InvocationError(
    500,
    `${stage} failed: ${error instanceof Error ? error.message : String(error)}`,
  )
}

/**
 * The status of an InvocationError, by name as well as by class: one thrown by a bundled handler (which
 * carries its own copy of the class) or rebuilt after crossing a worker thread is not an `instanceof`.
 */
export function invocationStatusOf(error: unknown): 400 | 500 | undefined {
  if (error instanceof InvocationError) return error.status
  if (!(error instanceof Error) || error.name !== 'InvocationError') return undefined
  const status = (error as { status?: unknown }).status
  return status === 400 || status === 500 ? status : undefined
}
