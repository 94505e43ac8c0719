// One row of a dataset after it was checked against the schema, with where it came from.

/** A typed cell: numbers for numeric columns, strings for categorical/text/class columns, null when missing. */
export type FieldValue = number | string | null

export interface DataRecord {
  /** File the row came from (as given to the reader). */
  source: string
  /** 1-based line number in that file (the header is line 1 in a CSV with a header). */
  line: number
  /** Values by column name: every feature of the schema and the label. */
  values: Record<string, FieldValue>
}
