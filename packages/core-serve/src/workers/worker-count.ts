// How many invocation workers to start: the caller's number, else SAGEMAKER_MODEL_SERVER_WORKERS (the
// variable SageMaker's own model servers read), else one per CPU this process may use.
import { availableParallelism } from 'node:os'
import { UserError } from '@sagepack/core-data'

export const WORKERS_ENV = 'SAGEMAKER_MODEL_SERVER_WORKERS'

export function workerCount(
  requested?: number,
  env: Record<string, string | undefined> = process.env,
): number {
  if (requested !== undefined) {
    if (Number.isSafeInteger(requested) && requested >= 1) return requested
    throw new UserError({
      input: `workers=${requested}`,
      problem: 'is not a number of worker threads',
      expected: 'a whole number of at least 1',
    })
  }
  const value = env[WORKERS_ENV]?.trim()
  if (value === undefined || value === '') return availableParallelism()
  if (/^[1-9][0-9]{0,3}$/.test(value)) return Number(value)
  throw new UserError({
    input: `${WORKERS_ENV}=${value}`,
    problem: 'is not a number of worker threads',
    expected: 'a whole number from 1 to 9999',
    fix: `set ${WORKERS_ENV} to e.g. the instance's vCPU count, or unset it to use one worker per CPU`,
  })
}
