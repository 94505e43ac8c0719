// Turns JSON.parse's complaint into a UserError at a line and column a person can find in their editor.
import { UserError } from '@sagepack/core-data'

/**
 * V8 reports a character offset (`... in JSON at position 1234`); in a pretty-printed request body a
 * line and column say far more. `where` is `body` (the whole request) or a place such as `line 3`.
 */
export function jsonSyntaxError(error: unknown, text: string, where: string, expected: string): UserError {
  const reason = error instanceof Error ? error.message : String(error)
  const position = /at position (\d+)/.exec(reason)?.[1]
  let input = where
  if (position !== undefined && where === 'body') {
    const offset = Number(position)
    const before = text.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    input = `body, line ${line} column ${column}`
  }
  return new UserError({ input, problem: `not valid JSON (${reason})`, expected }, { cause: error })
}
