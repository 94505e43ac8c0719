// Turns the AWS failures a user fixes in their own setup (no region, no or stale credentials, a
// missing permission, a quota) into UserErrors that say what to do. S3 failures arrive already explained by
// the artifact store; anything else stays as it is, stack trace and all.
import { isUserError, UserError } from '@sagepack/core-data'

const REFUSED_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
])
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException'])
const WHO_AM_I = '`aws sts get-caller-identity` shows which credentials are in use'

export function explainAwsError(error: unknown): unknown {
  if (!(error instanceof Error) || isUserError(error)) return error
  const fail = (input: string, problem: string, fix: string) =>
    new UserError({ input, problem, fix }, { cause: error })
  // The SDK's words for a client with no region, from its region resolver and from its request signer.
  if (/^Region is missing|expected `region` to be configured/.test(error.message)) {
    return fail(
      'the AWS region',
      'is not set',
      'set AWS_REGION (e.g. AWS_REGION=eu-west-1), or a region in the AWS_PROFILE in use',
    )
  }
  if (error.name === 'CredentialsProviderError') {
    return fail(
      'the AWS credentials',
      'were not found',
      'set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    )
  }
  if (REFUSED_CREDENTIALS.has(error.name)) {
    return fail(
      'the AWS credentials',
      `were refused (${error.name}: ${error.message})`,
      `refresh them (e.g. aws sso login); ${WHO_AM_I}`,
    )
  }
  if (error.name === 'ResourceLimitExceeded') {
    return fail(
      'the AWS account',
      `has reached a SageMaker quota: ${error.message}`,
      'request an increase (Service Quotas, Amazon SageMaker) or use another instance type',
    )
  }
  if (ACCESS_DENIED.has(error.name)) {
    return fail(
      'the AWS credentials in use',
      `may not do this: ${error.message}`,
      `use a role allowed the action named above; ${WHO_AM_I}`,
    )
  }
  return error
}

/** Runs a command's work, explaining the AWS failures it ends with. */
export async function explainingAwsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw explainAwsError(error)
  }
}
