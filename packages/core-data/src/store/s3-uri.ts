// s3://bucket/key URIs: the one parser every S3 user in sagepack goes through.
import { UserError } from '../errors/user-error'

const EXPECTED = 's3://<bucket>/<key or prefix>, e.g. s3://my-artifacts/models/iris/'

/** Splits `s3://bucket/key` into its bucket and key ('' when the URI names the whole bucket). */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/is.exec(uri)
  if (!match) throw new UserError({ input: uri, problem: 'is not an S3 URI', expected: EXPECTED })
  const bucket = match[1] ?? ''
  // S3's rules for bucket names (the dotted-IP form aside): a typo fails here, not as an odd HTTP error.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw new UserError({
      input: uri,
      problem: bucket === '' ? 'names no bucket' : `${JSON.stringify(bucket)} is not a valid S3 bucket name`,
      expected: `${EXPECTED}; bucket names are 3 to 63 lower-case letters, digits, dots and hyphens`,
    })
  }
  return { bucket, key: match[2] ?? '' }
}

/** A key as a folder prefix: '' (the whole bucket) or ending in '/'. */
export function folderPrefixOf(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`
}
