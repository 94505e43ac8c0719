// The request body limit: SageMaker tells a container its payload limit through SAGEMAKER_MAX_PAYLOAD_IN_MB.
import { UserError } from '@sagepack/core-data'

export const MB = 1024 * 1024

/** InvokeEndpoint's own limit, and Batch Transform's default MaxPayloadInMB. */
export const DEFAULT_MAX_PAYLOAD_MB = 6

const VARIABLE = 'SAGEMAKER_MAX_PAYLOAD_IN_MB'

/**
 * SAGEMAKER_MAX_PAYLOAD_IN_MB, else the MaxPayloadInMB this server tells Batch Transform (a limit below
 * it would refuse the batches it asked for), else 6 MB.
 */
export function maxPayloadBytesFrom(
  env: Readonly<Record<string, string | undefined>>,
  advertisedMb: number | undefined,
): number {
  return Math.floor((maxPayloadMbFromEnv(env) ?? advertisedMb ?? DEFAULT_MAX_PAYLOAD_MB) * MB)
}

/** The limit in megabytes set in the environment, or undefined when it is not set. */
export function maxPayloadMbFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env[VARIABLE]
  if (raw === undefined || raw.trim() === '') return undefined
  const mb = Number(raw)
  if (!Number.isFinite(mb) || mb <= 0) {
    // A typo here would otherwise turn into 413s on every large request, far from its cause.
    throw new UserError({
      input: VARIABLE,
      problem: `"${raw}" is not a positive number of megabytes`,
      expected: 'a number such as 6 (InvokeEndpoint allows 6, Batch Transform up to 100)',
      fix: `set ${VARIABLE} to the job's MaxPayloadInMB, or unset it for ${DEFAULT_MAX_PAYLOAD_MB}`,
    })
  }
  return mb
}
