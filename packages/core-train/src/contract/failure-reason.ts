// The text written to output/failure: the actionable part first, because SageMaker shows only the
// first 1024 characters as the job's FailureReason.
import { isUserError } from '@sagepack/core-data'

export function failureReason(error: unknown): string {
  if (isUserError(error)) return `${error.message}\n`
  if (error instanceof Error) {
    const stack = error.stack?.split('\n').slice(1).join('\n') ?? ''
    return `${error.name}: ${error.message}\n${stack}\n`
  }
  return `Training failed: ${String(error)}\n`
}
