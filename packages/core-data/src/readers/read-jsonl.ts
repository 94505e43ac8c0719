// Streams a JSON Lines file as one object per non-blank line, each with its line number.
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { UserError } from '../errors/user-error'
import { locationOf } from './input-location'

export interface JsonlRow {
  /** 1-based line of the object. */
  line: number
  /** The object's properties as parsed. */
  fields: Record<string, unknown>
}

/**
 * Reads `input` as JSON Lines: each non-blank line holds one JSON object. `source` names the file in
 * errors; a line that is not valid JSON, or not an object, fails with a UserError at `source:line`.
 */
export async function* readJsonl(
  input: NodeJS.ReadableStream | Readable,
  source: string,
): AsyncGenerator<JsonlRow> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  try {
    for await (const text of lines) {
      line += 1
      // A UTF-8 byte order mark is not part of the first object.
      const body = line === 1 ? text.replace(/^\uFEFF/, '') : text
      if (body.trim() === '') continue
      yield { line, fields: parseObject(body, source, line) }
    }
  } finally {
    lines.close()
    // readline leaves its input open; when reading stops early (an error, a consumer's break) the file
    // would stay open until garbage collection.
    ;(input as Partial<Readable>).destroy?.()
  }
}

function parseObject(text: string, source: string, line: number): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UserError(
      {
        input: locationOf(source, line),
        problem: `not valid JSON (${(error as Error).message})`,
        expected: 'one JSON object per line, e.g. {"sepal_length": 5.1, "species": "setosa"}',
        fix: 'correct the line; a value may not span lines in JSON Lines',
      },
      { cause: error },
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError({
      input: locationOf(source, line),
      problem: `the line holds ${describeJsonValue(value)}, not an object`,
      expected: 'one JSON object per line, e.g. {"sepal_length": 5.1, "species": "setosa"}',
      fix: 'write each row as an object with one property per column',
    })
  }
  return value as Record<string, unknown>
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
