// The one error a damaged or tampered bundle produces, listing what is wrong so the user sees every
// problem at once rather than one per attempt.
import { UserError } from '@sagepack/core-data'

/** Problems listed in the message; the rest are counted, so a bundle of thousands of files stays readable. */
const LISTED_PROBLEMS = 20

export function bundleCorruptError(archivePath: string, problems: string[], cause?: unknown): UserError {
  const listed = problems.slice(0, LISTED_PROBLEMS)
  const more = problems.length - listed.length
  const list = more > 0 ? [...listed, `and ${more} more`] : listed
  return new UserError(
    {
      input: archivePath,
      problem: `bundle is corrupt: ${list.join('; ')}`,
      expected: 'a gzip-compressed tar archive whose files match its manifest.json',
      fix: 'build the bundle again (`pnpm bundle <model>`); if it was copied, copy it again',
    },
    { cause },
  )
}
