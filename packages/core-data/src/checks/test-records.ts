// Small schemas and records for the data checks' tests, so each test states only the values it is about.
import type { DataRecord, FieldValue } from '../dataset/data-record'
import type { DatasetSchema } from '../schema/feature-schema'
import { type ResolvedDataCheckOptions, resolveDataCheckOptions } from './data-check-options'

export const irisSchema: DatasetSchema = {
  features: [
    { name: 'length', kind: 'numeric', min: 0, max: 10 },
    { name: 'color', kind: 'categorical' },
  ],
  label: { name: 'species', kind: 'class', classes: ['a', 'b', 'c'] },
}

export const priceSchema: DatasetSchema = {
  features: [{ name: 'rooms', kind: 'numeric' }],
  label: { name: 'price', kind: 'numeric', min: 0 },
}

/** Records numbered from line 2 (line 1 is the header), in `source`. */
export function records(rows: ReadonlyArray<Record<string, FieldValue>>, source = 'data.csv'): DataRecord[] {
  return rows.map((values, index) => ({ source, line: index + 2, values }))
}

export function defaults(
  overrides: Parameters<typeof resolveDataCheckOptions>[0] = {},
): ResolvedDataCheckOptions {
  return resolveDataCheckOptions(overrides)
}
