// Turns the S3 failures a user can fix (no credentials, a missing bucket, access denied, an endpoint
// that does not answer) into UserErrors that say what to do; anything else stays as it is.
import { UserError } from '../errors/user-error'

interface AwsLikeError {
  name?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

/** `what` is the object or prefix being worked on, e.g. `s3://bucket/iris/...`. */
export function explainS3Error(error: unknown, what: string, endpoint: string | undefined): unknown {
  if (!(error instanceof Error)) return error
  const aws = error as AwsLikeError
  const status = aws.$metadata?.httpStatusCode
  const fail = (problem: string, fix: string) =>
    new UserError({ input: what, problem, fix }, { cause: error })
  if (aws.name === 'CredentialsProviderError') {
    return fail(
      'no AWS credentials were found',
      'set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    )
  }
  if (aws.name === 'NoSuchBucket') {
    return fail(
      'the bucket does not exist',
      'check the bucket name (the platform stack output ArtifactBucketName), or create the bucket',
    )
  }
  if (
    aws.name === 'InvalidAccessKeyId' ||
    aws.name === 'SignatureDoesNotMatch' ||
    aws.name === 'ExpiredToken'
  ) {
    return fail(
      `the AWS credentials were refused (${aws.name})`,
      'check or refresh the credentials (`aws sts get-caller-identity` shows which are in use)',
    )
  }
  if (aws.name === 'AccessDenied' || status === 403) {
    return fail(
      'access denied',
      'check that the credentials in use (`aws sts get-caller-identity`) may read and write this bucket',
    )
  }
  const code = aws.code ?? (error.cause as AwsLikeError | undefined)?.code
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNRESET') {
    return fail(
      `cannot reach ${endpoint ? `the S3 endpoint ${endpoint}` : 'S3'} (${code})`,
      endpoint
        ? 'check AWS_ENDPOINT_URL_S3 and that the server is running'
        : 'check the network and AWS_REGION',
    )
  }
  return error
}

/** A missing object (a missing bucket is a 404 too, and is explained by explainS3Error instead). */
export function isNoSuchObject(error: unknown): boolean {
  const aws = error as AwsLikeError
  if (aws.name === 'NoSuchBucket') return false
  return aws.name === 'NotFound' || aws.name === 'NoSuchKey' || aws.$metadata?.httpStatusCode === 404
}
