// Identity of a row for duplicate and leakage checks: the same feature values give the same key,
// whatever file or line they came from.
import type { DataRecord, FieldValue } from '../dataset/data-record'
import type { DatasetSchema } from '../schema/feature-schema'

/** Key over the schema's features only: two rows with this key equal look the same to the model. */
export function featureKey(schema: DatasetSchema, record: DataRecord): string {
  return schema.features.map((feature) => encodeCell(record.values[feature.name])).join(',')
}

/** Key over the features and the label: two rows with this key equal are exact duplicates. */
export function rowKey(schema: DatasetSchema, record: DataRecord): string {
  return `${featureKey(schema, record)};${encodeCell(record.values[schema.label.name])}`
}

// Typed so that 1 and '1' differ and a missing cell differs from the string 'null'; strings are
// JSON-quoted so no value can forge a separator.
function encodeCell(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '-'
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : `n${value === 0 ? 0 : value}`
  return JSON.stringify(value)
}
