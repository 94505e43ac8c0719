// The request schema of a bundle as `sagepack inspect` prints it: one line per feature, in row order,
// with what a request must send and what training saw.
import type { RequestFeature, RequestSchema } from '@sagepack/core-data'

export function formatRequestSchema(schema: RequestSchema): string {
  const header = ['feature', 'kind', 'when missing', 'training saw', 'about']
  const rows = schema.features.map((feature) => [
    feature.name,
    feature.kind,
    whenMissing(feature),
    seen(feature),
    feature.doc ?? '',
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  )
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  const { label } = schema
  return [
    `${schema.features.length} feature${schema.features.length === 1 ? '' : 's'} in row (CSV) order; ` +
      `fields that are not features are ${schema.unknownFields === 'warn' ? 'ignored with a warning' : 'refused (400)'}`,
    line(header),
    ...rows.map(line),
    label.kind === 'class'
      ? `  predicts ${label.name}: one of ${label.classes.join(', ')}`
      : `  predicts ${label.name}: a number${label.trainingRange ? ` (training saw ${label.trainingRange.min} to ${label.trainingRange.max})` : ''}`,
  ].join('\n')
}

function whenMissing(feature: RequestFeature): string {
  if (!feature.fill) return 'refused (400)'
  return feature.fill.fill === 'mean'
    ? `filled: mean ${Number(feature.fill.value.toPrecision(6))}`
    : `filled: ${feature.fill.fill}`
}

function seen(feature: RequestFeature): string {
  if (feature.trainingRange) return `${feature.trainingRange.min} to ${feature.trainingRange.max}`
  if (feature.categories) {
    const shown = feature.categories.slice(0, 6).join(', ')
    return feature.categories.length > 6 ? `${shown}, … (${feature.categories.length})` : shown
  }
  return ''
}
