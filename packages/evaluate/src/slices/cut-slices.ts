// Cuts the test rows by one slice definition: each row's value of the column (or the measure derived
// from it), then either the value itself or the bin it falls in. Groups come out in a reading order:
// bins in order, numbers ascending, other values alphabetically, missing values last.
import type { SliceDefinition } from './slice-definitions'

export interface SliceGroup {
  /** `USA`, `4`, `200 to < 500`, `(missing)`. */
  value: string
  /** Indices of the test rows in this group. */
  rows: number[]
}

export const MISSING_VALUE = '(missing)'

/** @param cellOf the slice column's raw value in test row `row` (undefined when the row was not found) */
export function cutSlices(
  definition: SliceDefinition,
  rowCount: number,
  cellOf: (row: number) => unknown,
): SliceGroup[] {
  const groups = new Map<string, { order: number; rows: number[] }>()
  for (let row = 0; row < rowCount; row++) {
    const { label, order } = groupOf(definition, cellOf(row))
    let group = groups.get(label)
    if (!group) {
      group = { order, rows: [] }
      groups.set(label, group)
    }
    group.rows.push(row)
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => x.order - y.order || compareLabels(a, b))
    .map(([value, group]) => ({ value, rows: group.rows }))
}

function groupOf(definition: SliceDefinition, raw: unknown): { label: string; order: number } {
  const missing = { label: MISSING_VALUE, order: Number.POSITIVE_INFINITY }
  if (raw === undefined || raw === null || raw === '') return missing
  const value = definition.derive ? derived(definition.derive, String(raw)) : raw
  if (!definition.bins) return { label: String(value), order: 0 }
  const number = typeof value === 'number' ? value : Number(String(value).trim())
  if (!Number.isFinite(number)) return missing
  const bins = definition.bins
  const bin = bins.findIndex((edge) => number < edge)
  return { label: binLabel(bins, bin === -1 ? bins.length : bin), order: bin === -1 ? bins.length : bin }
}

function derived(measure: 'length' | 'words', text: string): number {
  return measure === 'length' ? text.length : text.split(/\s+/).filter((word) => word !== '').length
}

/** "< 200", "200 to < 500", ">= 500" for the cut points [200, 500]. */
export function binLabel(bins: readonly number[], bin: number): string {
  if (bin === 0) return `< ${bins[0]}`
  if (bin === bins.length) return `>= ${bins[bins.length - 1]}`
  return `${bins[bin - 1]} to < ${bins[bin]}`
}

function compareLabels(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y
  return a < b ? -1 : a > b ? 1 : 0
}
