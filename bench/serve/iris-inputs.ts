// The iris inputs every target gets: flowers jittered a little (seeded, so runs repeat) as JSON
// request bodies for the servers, and the same rows as a standardized feature matrix for the compute floor.

/** One textbook flower of each species, twice: the jitter makes every row of a body differ. */
const FLOWERS: ReadonlyArray<readonly number[]> = [
  [5.1, 3.5, 1.4, 0.2],
  [6.7, 3.1, 5.6, 2.4],
  [5.9, 2.8, 4.3, 1.3],
  [4.9, 3.0, 1.4, 0.2],
  [6.3, 2.5, 5.0, 1.9],
  [5.7, 2.9, 4.2, 1.3],
]

/** Sent with every request (sagepack ignores it) so the HTTP floor can pick the answer of that size. */
export const ROWS_HEADER = 'x-bench-rows'

/** Distinct bodies per batch size; autocannon cycles through them on every connection. */
const BODY_VARIANTS = 16

/** `count` rows of 4 measurements in cm, each a flower moved by up to ±0.2 cm per measurement. */
export function irisRows(count: number, seed: number): number[][] {
  const random = mulberry32(seed)
  return Array.from({ length: count }, (_, index) => {
    const flower = FLOWERS[index % FLOWERS.length] as readonly number[]
    return flower.map((value) => Math.round((value + (random() - 0.5) * 0.4) * 10) / 10)
  })
}

/** `{"instances": [[5.1,3.5,1.4,0.2], ...]}` bodies of `rows` rows, each body different. */
export function invocationBodies(rows: number): string[] {
  return Array.from({ length: BODY_VARIANTS }, (_, variant) =>
    JSON.stringify({ instances: irisRows(rows, rows * 1000 + variant) }),
  )
}

/** What preprocessor.json says about one numeric column (the fields this benchmark reads). */
export interface StandardizedColumn {
  mean?: number
  std?: number
}

/**
 * Rows as the model's float32 input: standardized with the fitted means and deviations, so ONNX and
 * tfjs see the values they see in serving (the figures do not depend on them, but NaNs would be odd).
 */
export function featureMatrix(rows: number[][], columns: readonly StandardizedColumn[]): Float32Array {
  const width = rows[0]?.length ?? 0
  const matrix = new Float32Array(rows.length * width)
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const { mean = 0, std = 1 } = columns[c] ?? {}
      matrix[r * width + c] = (value - mean) / (std || 1)
    })
  })
  return matrix
}

/** A tiny seeded generator: the same bodies every run, without a dependency. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
