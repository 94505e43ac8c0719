// The model's example request (example.json) in each request format: the rows it holds, as objects
// keyed by feature name, as a CSV body and as a JSON Lines body, for OpenAPI and the try-it page.
import type { RequestSchema } from '@sagepack/core-data'
import { csvCodec } from '../codecs/csv-codec'
import { jsonLinesCodec } from '../codecs/jsonlines-codec'

export interface ExampleBodies {
  /** The example as its author wrote it. */
  json: unknown
  csv: string
  jsonLines: string
  /** Its rows as objects keyed by feature name, in feature order. */
  rows: Array<Record<string, unknown>>
}

/** Undefined when there is no example, or its rows do not fit the schema's width (it then shows as written). */
export function exampleBodies(example: unknown, schema: RequestSchema | null): ExampleBodies | undefined {
  if (example === undefined || schema === null) return undefined
  const listed = Array.isArray(example) ? example : (example as { instances?: unknown } | null)?.instances
  if (!Array.isArray(listed)) return undefined
  const names = schema.features.map((feature) => feature.name)
  const rows: Array<Record<string, unknown>> = []
  for (const row of listed) {
    if (Array.isArray(row) && row.length === names.length) {
      rows.push(Object.fromEntries(names.map((name, column) => [name, row[column]])))
    } else if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
      const fields = row as Record<string, unknown>
      rows.push(Object.fromEntries(names.map((name) => [name, fields[name]])))
    } else {
      return undefined
    }
  }
  return {
    json: example,
    // The rows were made in feature order, so the CSV encoder writes their values in that order.
    csv: csvCodec.encode(rows),
    jsonLines: jsonLinesCodec.encode(rows),
    rows,
  }
}
