// text/csv: headerless records in, one line per prediction out (what Batch Transform splits and joins by line).
import type { InputRow, Prediction } from '../handler/handler-api'
import type { Codec } from './codec'
import { parseCsv } from './parse-csv'

export const csvCodec: Codec = {
  mediaType: 'text/csv',
  mediaTypes: ['text/csv'],
  decode: (text): InputRow[] => parseCsv(text),
  encode: encodeCsv,
}

/**
 * A scalar is its own line; an object is its values in key order with lists spread into fields, so a
 * classifier's `{label, probabilities: [...]}` becomes `setosa,0.97,0.02,0.01`.
 */
function encodeCsv(predictions: readonly Prediction[]): string {
  let text = ''
  for (const prediction of predictions) {
    if (typeof prediction === 'number') {
      text += `${prediction}\n`
      continue
    }
    const fields: string[] = []
    collectFields(prediction, fields)
    text += `${fields.join(',')}\n`
  }
  return text
}

function collectFields(value: unknown, fields: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectFields(item, fields)
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectFields(item, fields)
  } else {
    fields.push(csvField(value))
  }
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
