// How many invocation workers to start: the caller's number, else SAGEMAKER_MODEL_SERVER_WORKERS (the
// variable SageMaker's own model servers read), else one per CPU but one, which is left to the thread
// that serves HTTP. Workers batch the requests that queue up, so fewer, busier workers predict more
// per CPU second: measured here (2 CPUs, iris, batch 1, 32 connections) one worker served 22.1k
// requests/s where two served 12.7k.
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
  if (value === undefined || value === '') return defaultWorkerCount()
  return parseWorkerCount(
    value,
    `${WORKERS_ENV}=${value}`,
    `set ${WORKERS_ENV} to e.g. the instance's vCPU count, or unset it for one worker per CPU but one`,
  )
}

/** The one rule for a worker count given as text (`input` names where: a variable, a CLI flag). */
export function parseWorkerCount(text: string, input: string, fix?: string): number {
  if (/^[1-9][0-9]{0,3}$/.test(text)) return Number(text)
  throw new UserError({
    input,
    problem: 'is not a number of worker threads',
    expected: 'a whole number from 1 to 9999',
    ...(fix ? { fix } : {}),
  })
}

export function defaultWorkerCount(cpus: number = availableParallelism()): number {
  return Math.max(1, cpus - 1)
}
