// What every fitted column offers the preprocessor: its output names and a way to write one cell's
// outputs into a row of the output matrix.
import type { ReadResult } from '../values/read-cell-value'

type ReadFailure = Extract<ReadResult<unknown>, { ok: false }>

export interface ColumnEncoder {
  readonly name: string
  readonly outputNames: readonly string[]
  /**
   * Writes this column's outputs for one raw cell at `out[offset..offset + outputNames.length)`,
   * which the caller has zeroed. Returns why the cell could not be read, so the caller can say where.
   */
  encode(raw: unknown, out: Float32Array, offset: number): ReadFailure | null
}
