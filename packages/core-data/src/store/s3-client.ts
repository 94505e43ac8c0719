// The S3 client every S3 user in sagepack shares, configured from the environment so that the same
// code talks to AWS or to an S3-compatible server (AWS_ENDPOINT_URL_S3).
import type { S3Client } from '@aws-sdk/client-s3'
import { UserError } from '../errors/user-error'
import { s3Sdk } from './s3-sdk'

/** Attempts per request (the SDK's default is 3): large transfers over long links meet more blips. */
const DEFAULT_MAX_ATTEMPTS = 5

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = s3EndpointOf(env)
  const accessKeyId = env.AWS_ACCESS_KEY_ID
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY
  const { S3Client: Client } = s3Sdk()
  return new Client({
    region: env.AWS_REGION || 'us-east-1',
    // S3-compatible servers (MinIO, s3rver, Ceph) serve buckets as paths, not as host names.
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // The SDK's default CRC32 streaming checksums (aws-chunked bodies with trailers) break most
    // S3-compatible servers; sagepack checks every artifact with its own SHA-256 instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: positiveInteger(env.AWS_MAX_ATTEMPTS) ?? DEFAULT_MAX_ATTEMPTS,
    followRegionRedirects: true,
    // Keys in `env` win; otherwise the SDK's chain (process env, profiles, SSO, instance roles).
    ...(accessKeyId && secretAccessKey
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
  })
}

/** AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL; undefined for AWS itself. */
export function s3EndpointOf(env: NodeJS.ProcessEnv): string | undefined {
  const name = env.AWS_ENDPOINT_URL_S3 ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL'
  const value = env[name]
  if (!value) return undefined
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value
  throw new UserError({
    input: `${name}=${value}`,
    problem: 'is not an http(s) URL',
    expected: 'the S3 endpoint, e.g. http://127.0.0.1:9000 for a local S3-compatible server',
    fix: `fix or unset ${name}`,
  })
}

function positiveInteger(value: string | undefined): number | undefined {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : undefined
}
