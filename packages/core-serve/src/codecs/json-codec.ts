// application/json: `{"instances": [...]}`, `{"inputs": [...]}`, a bare list of rows, or one row object;
// answers `{"predictions": [...]}`, with `"warnings": [...]` beside them when there are any.
import { UserError } from '@sagepack/core-data'
import type { InputRow } from '../handler/handler-api'
import { withoutByteOrderMark } from './byte-order-mark'
import type { Codec } from './codec'
import { describeJsonValue, ROW_EXPECTED, toInputRow } from './input-rows'
import { jsonSyntaxError } from './json-syntax-error'
import { jsonLinesCodec } from './jsonlines-codec'

const BODY_EXPECTED = '{"instances": [row, ...]}, {"inputs": [row, ...]}, [row, ...] or a single row object'

/** The keys TensorFlow Serving's row format uses for the list of rows; SageMaker clients send them as is. */
const LIST_KEYS = ['instances', 'inputs'] as const

export const jsonCodec: Codec = {
  mediaType: 'application/json',
  mediaTypes: ['application/json'],
  decode: decodeJson,
  encode: (predictions, warnings) =>
    warnings === undefined || warnings.length === 0
      ? JSON.stringify({ predictions })
      : JSON.stringify({ predictions, warnings }),
}

function decodeJson(raw: string): InputRow[] {
  const text = withoutByteOrderMark(raw)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    // Batch Transform with SplitType=Line sends a JSON Lines file's lines under the job's ContentType,
    // which is often application/json: read those as the lines they are.
    if (startsLikeJsonLines(text)) return jsonLinesCodec.decode(text)
    throw jsonSyntaxError(error, text, 'body', BODY_EXPECTED)
  }
  if (Array.isArray(body)) return toRows(body)
  if (typeof body !== 'object' || body === null) {
    throw new UserError({
      input: 'body',
      problem: `expected a list of rows or an object, got ${describeJsonValue(body)}`,
      expected: BODY_EXPECTED,
    })
  }
  for (const key of LIST_KEYS) {
    if (!Object.hasOwn(body, key)) continue
    const list = (body as Record<string, unknown>)[key]
    if (!Array.isArray(list)) {
      throw new UserError({
        input: 'body',
        problem: `"${key}" must be a list, got ${describeJsonValue(list)}`,
        expected: `{"${key}": [row, ...]} where each row is ${ROW_EXPECTED}`,
      })
    }
    return toRows(list)
  }
  return [body as InputRow]
}

function toRows(list: unknown[]): InputRow[] {
  const rows = new Array<InputRow>(list.length)
  for (let index = 0; index < list.length; index++) {
    const value = list[index]
    if (typeof value === 'object' && value !== null) {
      rows[index] = value as InputRow
      continue
    }
    if (index === 0 && list.every((item) => typeof item !== 'object' || item === null)) {
      // `[5.1, 3.5, 1.4, 0.2]` is the most common mistake: one row's values sent as the list of rows.
      throw new UserError({
        input: 'row 1',
        problem: `expected an object or an array, got ${describeJsonValue(value)}`,
        expected: ROW_EXPECTED,
        fix: 'to send one row as an array of values, wrap it in a list: [[5.1, 3.5, 1.4, 0.2]]',
      })
    }
    rows[index] = toInputRow(value, `row ${index + 1}`)
  }
  return rows
}

/** Only on a body JSON.parse refused: its first line is a whole JSON value and more lines follow. */
function startsLikeJsonLines(text: string): boolean {
  const newline = text.indexOf('\n')
  if (newline === -1 || text.slice(newline).trim() === '') return false
  try {
    JSON.parse(text.slice(0, newline))
    return true
  } catch {
    return false
  }
}
