// Test support: the InvocationError a promise rejects with (and a failure if it resolves or rejects otherwise).
import { InvocationError } from '../invocation-error'

export async function invocationErrorOf(promise: Promise<unknown>): Promise<InvocationError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (error instanceof InvocationError) return error
  throw new Error(`expected an InvocationError, got ${String(error)}`)
}
