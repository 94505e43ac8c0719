// One way of printing a metric everywhere (terminal, HTML, Markdown, gate messages): four significant
// digits, plain notation for everyday sizes, so 0.97345 reads 0.9735 and 2.5123 reads 2.512.

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (value === 0) return '0'
  const magnitude = Math.abs(value)
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(Number(value.toPrecision(4)))
  return value.toExponential(2)
}

/** A signed difference: +0.012, -0.3, 0. */
export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  const shown = formatNumber(value)
  return value > 0 ? `+${shown}` : shown
}
