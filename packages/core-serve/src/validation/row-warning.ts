// A fact about a request that did not stop its answer (a value outside what training saw, a field the
// model ignores): the JSON answer lists them beside the predictions, every answer counts them in a header.

export interface RowWarning {
  /** Counting from 0, as `predictions` does; absent for a warning about the request as a whole. */
  row?: number
  field: string
  message: string
}

/** Warnings past this many are counted, not listed: a large Batch Transform request stays a small answer. */
export const MAX_LISTED_WARNINGS = 100

export interface CheckedRows {
  /** The first MAX_LISTED_WARNINGS warnings. */
  warnings: RowWarning[]
  /** Every warning, listed or not. */
  warningCount: number
}
