// Carries a load error from a worker to the main thread. Structured cloning drops an Error's class,
// so a UserError is sent as its parts and rebuilt, and `sagepack serve` still prints it as one.
import { isUserError, UserError, type UserErrorParts } from '@sagepack/core-data'

export interface TransferredError {
  message: string
  userError?: UserErrorParts
}

export function toTransferredError(error: unknown): TransferredError {
  if (isUserError(error)) {
    const { input, problem, expected, fix } = error
    return {
      message: error.message,
      userError: { input, problem, ...(expected ? { expected } : {}), ...(fix ? { fix } : {}) },
    }
  }
  return { message: error instanceof Error ? error.message : String(error) }
}

export function fromTransferredError(error: TransferredError): Error {
  return error.userError ? new UserError(error.userError) : new Error(error.message)
}
