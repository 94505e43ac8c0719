// Maps whatever a handler hook threw to the HTTP status it deserves: the request's fault (a UserError,
// e.g. a field of the wrong type) is a 400, anything else is the model's fault, a 500.
// Errors are recognised by name as well as by class: a bundled code/inference.mjs carries its own
// copies of UserError and InvocationError, so `instanceof` alone would turn its 400s into 500s.
import { UserError } from '@sagepack/core-data'
import { InvocationError } from './invocation-error'

export function toInvocationError(error: unknown, stage: string): InvocationError {
  if (error instanceof InvocationError) return error
  if (error instanceof Error && error.name === 'InvocationError') {
    const status = (error as { status?: unknown }).status
    if (status === 400 || status === 500) return new InvocationError(status, error.message)
  }
  if (error instanceof UserError || (error instanceof Error && error.name === 'UserError')) {
    return new InvocationError(400, error.message)
  }
  return new InvocationError(
    500,
    `${stage} failed: ${error instanceof Error ? error.message : String(error)}`,
  )
}
