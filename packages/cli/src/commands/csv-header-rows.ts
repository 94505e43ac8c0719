// CSV files people keep often start with a header; Batch Transform's never do. A first row that
// names the model's features is a header: the rows become objects keyed by those names.
import type { InputRow } from '@sagepack/core-serve'

export function withHeaderRow(rows: InputRow[], features: readonly string[]): InputRow[] {
  const [first, ...rest] = rows
  if (!Array.isArray(first) || features.length === 0) return rows
  const header = first.map((cell) => String(cell).trim())
  if (!features.every((name) => header.includes(name))) return rows
  return rest.map((row) =>
    Array.isArray(row) ? Object.fromEntries(header.map((name, i) => [name, row[i]])) : row,
  )
}
