// Plain-text columns for terminal tables: each column as wide as its widest cell, two spaces apart,
// numbers aligned right, no trailing spaces.

export type ColumnAlign = 'left' | 'right'

export function formatColumns(rows: string[][], align: ColumnAlign[] = []): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length)
    })
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0
        return align[i] === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd(),
  )
}
