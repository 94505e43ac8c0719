// Removes exact duplicate rows before training, keeping the first occurrence. Conflicting rows (same
// features, different labels) are kept: which label is right is a question for the data owner.
import type { DataRecord } from '../dataset/data-record'
import type { DatasetSchema } from '../schema/feature-schema'
import { rowKey } from './row-key'

export function dropDuplicateRecords(
  schema: DatasetSchema,
  records: readonly DataRecord[],
): { kept: DataRecord[]; dropped: DataRecord[] } {
  const seen = new Set<string>()
  const kept: DataRecord[] = []
  const dropped: DataRecord[] = []
  for (const record of records) {
    const key = rowKey(schema, record)
    if (seen.has(key)) {
      dropped.push(record)
    } else {
      seen.add(key)
      kept.push(record)
    }
  }
  return { kept, dropped }
}
