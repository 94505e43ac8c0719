// Check: repeated rows. Exact duplicates (same features and label) inflate the weight of a few rows,
// which is worth a warning; the same features with different labels contradict each other and cap
// the accuracy any model can reach, so those fail with 'error'.
import type { DataRecord } from '../dataset/data-record'
import { recordLocation } from '../readers/input-location'
import type { DatasetSchema } from '../schema/feature-schema'
import type { CheckResult, Severity } from './check-result'
import type { ResolvedDataCheckOptions } from './data-check-options'
import { featureKey, rowKey } from './row-key'
import { count, sentence } from './summary-text'

const DUPLICATE_ROWS = 'duplicateRows'

/** How many example pairs or groups the details list; the counts cover all of them. */
const MAX_LISTED_DUPLICATES = 5

export function checkDuplicateRows(
  schema: DatasetSchema,
  records: readonly DataRecord[],
  options: ResolvedDataCheckOptions,
): CheckResult {
  const firstByRow = new Map<string, DataRecord>()
  const groups = new Map<string, DataRecord[]>()
  const duplicatePairs: string[] = []
  let duplicates = 0
  for (const record of records) {
    const key = rowKey(schema, record)
    const first = firstByRow.get(key)
    if (first) {
      duplicates += 1
      if (duplicatePairs.length < MAX_LISTED_DUPLICATES) {
        duplicatePairs.push(`${recordLocation(first)} = ${recordLocation(record)}`)
      }
    } else {
      firstByRow.set(key, record)
    }
    const features = featureKey(schema, record)
    const group = groups.get(features)
    if (group) group.push(record)
    else groups.set(features, [record])
  }

  const labelName = schema.label.name
  // A missing label is no second opinion (the missing-values check reports it), so it never conflicts.
  const conflicts = [...groups.values()].filter((group) => {
    const labels = group
      .map((record) => record.values[labelName])
      .filter((label) => label !== null && label !== undefined)
    return new Set(labels).size > 1
  })
  const conflictingRows = conflicts.reduce((sum, group) => sum + group.length, 0)
  const conflictExamples = conflicts.slice(0, MAX_LISTED_DUPLICATES).map((group) => {
    const shown = group.slice(0, MAX_LISTED_DUPLICATES)
    const rows = shown.map((record) => `${recordLocation(record)} (${labelText(record.values[labelName])})`)
    const more = group.length - shown.length
    return `${rows.join(' vs ')}${more > 0 ? ` (+${more} more)` : ''}`
  })
  const details = {
    rows: records.length,
    duplicates,
    duplicatePairs,
    conflictingGroups: conflicts.length,
    conflictingRows,
    conflictExamples,
  }

  const clauses: string[] = []
  if (conflicts.length > 0) {
    clauses.push(
      `${count(conflicts.length, 'group')} of ${conflictingRows} rows share features but differ in '${labelName}', e.g. ${conflictExamples[0]}`,
    )
  }
  if (duplicates > 0) {
    clauses.push(
      `${count(duplicates, 'row')} ${duplicates === 1 ? 'repeats' : 'repeat'} an earlier row exactly, e.g. ${duplicatePairs[0]}`,
    )
  }
  const computed: Severity | null = conflicts.length > 0 ? 'error' : duplicates > 0 ? 'warning' : null
  const severity = options.severities.duplicateRows ?? computed ?? 'error'
  if (computed === null) {
    const summary = `No duplicate or conflicting rows among ${count(records.length, 'row')}.`
    return { check: DUPLICATE_ROWS, passed: true, severity, summary, details }
  }
  return { check: DUPLICATE_ROWS, passed: false, severity, summary: sentence(clauses), details }
}

function labelText(value: unknown): string {
  return value === null || value === undefined ? 'missing' : String(value)
}
