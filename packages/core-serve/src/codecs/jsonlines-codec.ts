// application/jsonlines (also jsonl, x-ndjson): one JSON row per line in, one JSON prediction per line out.
import type { InputRow, Prediction } from '../handler/handler-api'
import { withoutByteOrderMark } from './byte-order-mark'
import type { Codec } from './codec'
import { ROW_EXPECTED, toInputRow } from './input-rows'
import { jsonSyntaxError } from './json-syntax-error'
import { recordLines } from './record-lines'

const LINE_EXPECTED = `one row per line, each ${ROW_EXPECTED}`

export const jsonLinesCodec: Codec = {
  mediaType: 'application/jsonlines',
  mediaTypes: ['application/jsonlines', 'application/jsonl', 'application/x-ndjson'],
  decode: decodeJsonLines,
  encode: encodeJsonLines,
}

function decodeJsonLines(text: string): InputRow[] {
  const lines = recordLines(withoutByteOrderMark(text), LINE_EXPECTED)
  const rows = new Array<InputRow>(lines.length)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const where = `line ${index + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw jsonSyntaxError(error, line, where, LINE_EXPECTED)
    }
    rows[index] = toInputRow(value, where)
  }
  return rows
}

function encodeJsonLines(predictions: readonly Prediction[]): string {
  let text = ''
  for (const prediction of predictions) text += `${JSON.stringify(prediction)}\n`
  return text
}
