// Names a place in a data file the one way every reader and check does: `iris.csv:12, column petal_width`.

/** `column` is a column name, or a 1-based position when the column has no name. */
export function locationOf(source: string, line?: number, column?: string | number): string {
  const at = line === undefined ? source : `${source}:${line}`
  return column === undefined ? at : `${at}, column ${column}`
}

/** `iris.csv:12`: where a record was read, how every check and error points a user at a row. */
export function recordLocation(record: { source: string; line: number }): string {
  return locationOf(record.source, record.line)
}
