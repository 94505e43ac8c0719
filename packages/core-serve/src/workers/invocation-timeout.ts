// How long one invocation may run before its worker thread is deemed hung and restarted: the only way
// to stop a handler stuck in synchronous code (or a native call) is to terminate the thread running it.
// Read from the variables SageMaker's own model servers use, in seconds; the default is the 60 s within
// which SageMaker real-time endpoints expect an answer. Batch Transform allows longer
// (ModelClientConfig.InvocationsTimeoutInSeconds, up to 3600): set the variable to match.
import { UserError } from '@sagepack/core-data'

export const TIMEOUT_ENV = 'SAGEMAKER_MODEL_SERVER_TIMEOUT'
/** The inference toolkit's newer name for the same setting, read first. */
export const TIMEOUT_SECONDS_ENV = 'SAGEMAKER_MODEL_SERVER_TIMEOUT_SECONDS'
export const DEFAULT_INVOCATION_TIMEOUT_S = 60

export function invocationTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  for (const name of [TIMEOUT_SECONDS_ENV, TIMEOUT_ENV]) {
    const value = env[name]?.trim()
    if (value === undefined || value === '') continue
    if (/^[1-9][0-9]{0,4}$/.test(value)) return Number(value) * 1000
    throw new UserError({
      input: `${name}=${value}`,
      problem: 'is not a number of seconds',
      expected: 'a whole number of seconds from 1 to 99999',
      fix: `set ${name} to how long one request may take (e.g. 60), or unset it for ${DEFAULT_INVOCATION_TIMEOUT_S} s`,
    })
  }
  return DEFAULT_INVOCATION_TIMEOUT_S * 1000
}
