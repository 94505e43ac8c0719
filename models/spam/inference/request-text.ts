// One request row's message text, put in the form the model was trained on. A row without a text
// (a misspelt field, a null) is refused: the model never saw a message without one, so any answer
// for it would be made up, and the client most likely meant to send something else.
import { UserError } from '@sagepack/core-data'
import type { InputRow } from '@sagepack/core-serve'
import { messageText } from '../train/message-text'

export const TEXT_FIELD = 'text'

/**
 * `column` is where the text sits in array rows (CSV records); `width` how many values they hold.
 * Array rows of another width and texts that are not strings pass unchanged, for the preprocessor
 * to report with the row and field.
 */
export function withMessageText(row: InputRow, index: number, column: number, width: number): InputRow {
  if (Array.isArray(row)) {
    if (row.length !== width) return row
    const text = row[column]
    if (text === null || text === undefined) throw missingText(index, 'the text is null')
    return typeof text === 'string' ? row.with(column, messageText(text)) : row
  }
  if (!Object.hasOwn(row, TEXT_FIELD)) {
    const found = Object.keys(row)
    throw missingText(
      index,
      `has no "${TEXT_FIELD}" field (found: ${found.length > 0 ? found.join(', ') : 'none'})`,
    )
  }
  const text = row[TEXT_FIELD]
  if (text === null || text === undefined) throw missingText(index, `"${TEXT_FIELD}" is null`)
  return typeof text === 'string' ? { ...row, [TEXT_FIELD]: messageText(text) } : row
}

function missingText(index: number, problem: string): UserError {
  return new UserError({
    input: `row ${index} (counting from 0)`,
    problem,
    expected: `the message to classify, e.g. {"${TEXT_FIELD}": "subject, then body"} or one quoted CSV field`,
    fix: `send the subject and body of each message as "${TEXT_FIELD}"`,
  })
}
