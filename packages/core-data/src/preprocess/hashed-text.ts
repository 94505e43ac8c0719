// Text columns: a hashed bag of words. Tokens are hashed into a fixed number of buckets, so there is
// no vocabulary to fit or ship and unseen words still count; term counts are damped with log1p and
// the vector is L2-normalized so long and short texts weigh the same.

import { readString } from '../values/read-cell-value'
import type { ColumnEncoder } from './column-encoder'
import { fnv1a32 } from './fnv1a'
import type { TextColumnState } from './preprocessor-state'
import { tokenizeText } from './tokenize-text'

export const DEFAULT_TEXT_DIMENSIONS = 1024

/** The bucket a token lands in. */
export function textBucket(token: string, dimensions: number): number {
  return fnv1a32(token) % dimensions
}

/** Writes the hashed, log1p-damped, L2-normalized term vector of `text` at `out[offset..]`. */
export function writeHashedText(text: string, dimensions: number, out: Float32Array, offset: number): void {
  const counts = new Map<number, number>()
  for (const token of tokenizeText(text)) {
    const bucket = textBucket(token, dimensions)
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1)
  }
  let squares = 0
  for (const n of counts.values()) squares += Math.log1p(n) ** 2
  if (squares === 0) return
  const norm = Math.sqrt(squares)
  for (const [bucket, n] of counts) out[offset + bucket] = Math.log1p(n) / norm
}

export function textEncoder(state: TextColumnState): ColumnEncoder {
  const { name, dimensions } = state
  return {
    name,
    outputNames: Array.from({ length: dimensions }, (_, bucket) => `${name}#${bucket}`),
    encode(raw, out, offset) {
      const read = readString(raw)
      if (!read.ok) return read
      if (read.value !== null) writeHashedText(read.value, dimensions, out, offset)
      return null
    },
  }
}
