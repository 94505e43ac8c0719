// The error type for anything a user can cause: it names the input, what was expected, and the fix,
// so the CLI can print it without a stack trace and the training runner can put it in output/failure.

export interface UserErrorParts {
  /** What was wrong, where: `iris.csv:12, column petal_width`, `--set train.epochs=abc`. */
  input: string
  /** What we found. */
  problem: string
  /** The expected form. */
  expected?: string
  /** What the user should do. */
  fix?: string
}

export class UserError extends Error {
  readonly input: string
  readonly problem: string
  readonly expected: string | undefined
  readonly fix: string | undefined

  constructor(parts: UserErrorParts, options?: { cause?: unknown }) {
    super(formatUserError(parts), options)
    this.name = 'UserError'
    this.input = parts.input
    this.problem = parts.problem
    this.expected = parts.expected
    this.fix = parts.fix
  }
}

export function formatUserError(parts: UserErrorParts): string {
  const lines = [`${parts.input}: ${parts.problem}`]
  if (parts.expected) lines.push(`  expected: ${parts.expected}`)
  if (parts.fix) lines.push(`  fix: ${parts.fix}`)
  return lines.join('\n')
}

/**
 * By name as well as by class: bundled code (a model's code/inference.mjs, the runtime image) carries
 * its own copy of this class, whose errors are user errors all the same.
 */
export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof UserError ||
    (error instanceof Error && error.name === 'UserError' && typeof (error as UserError).problem === 'string')
  )
}
