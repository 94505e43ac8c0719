// Names a place in a data file the one way every reader and check does: `iris.csv:12, column petal_width`.

/** `column` is a column name, or a 1-based position when the column has no name. */
export function locationOf(source: string, line?: number, column?: string | number): string {
  const at = line === undefined ? source : `${source}:${line}`
  return column === undefined ? at : `${at}, column ${column}`
}
