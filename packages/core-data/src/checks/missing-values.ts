// Check: how many values each column misses. A missing label cannot be trained on at all; a feature
// missing often makes its fitted mean a guess, so only rare gaps pass with a warning.
import type { DataRecord } from '../dataset/data-record'
import type { DatasetSchema } from '../schema/feature-schema'
import type { CheckResult, Severity } from './check-result'
import type { ResolvedDataCheckOptions } from './data-check-options'
import { count, percent, sentence } from './summary-text'

const MISSING_VALUES = 'missingValues'

interface ColumnMissing {
  name: string
  missing: number
  fraction: number
}

export function checkMissingValues(
  schema: DatasetSchema,
  records: readonly DataRecord[],
  options: ResolvedDataCheckOptions,
): CheckResult {
  const rows = records.length
  const limit = options.maxMissingFraction
  const label = countMissing(records, schema.label.name)
  const features = schema.features.map((feature) => countMissing(records, feature.name))
  const details = {
    rows,
    maxMissingFraction: limit,
    columns: Object.fromEntries(
      [...features, label].map((column) => [
        column.name,
        { missing: column.missing, fraction: column.fraction },
      ]),
    ),
  }

  const errors: string[] = []
  if (label.missing > 0)
    errors.push(
      `${label.missing} of ${rows} rows ${label.missing === 1 ? 'misses' : 'miss'} the label '${label.name}'`,
    )
  for (const column of features.filter((feature) => feature.fraction > limit)) {
    errors.push(
      `feature '${column.name}' misses ${column.missing} of ${rows} values (${percent(column.fraction)}, above the ${percent(limit)} limit)`,
    )
  }
  const gaps = features.filter((feature) => feature.missing > 0 && feature.fraction <= limit)
  const computed: Severity | null = errors.length > 0 ? 'error' : gaps.length > 0 ? 'warning' : null
  const severity = options.severities.missingValues ?? computed ?? 'error'

  if (computed === null) {
    const summary = `No missing values in ${count(features.length + 1, 'column')} over ${count(rows, 'row')}.`
    return { check: MISSING_VALUES, passed: true, severity, summary, details }
  }
  const sentences = [...errors]
  if (gaps.length > 0) {
    const listed = gaps.map((column) => `'${column.name}' ${column.missing} (${percent(column.fraction)})`)
    sentences.push(
      `${count(gaps.length, 'feature')} miss some of ${rows} values (within the ${percent(limit)} limit): ${listed.join(', ')}`,
    )
  }
  const summary = sentence(sentences)
  return { check: MISSING_VALUES, passed: false, severity, summary, details }
}

function countMissing(records: readonly DataRecord[], name: string): ColumnMissing {
  let missing = 0
  for (const record of records) {
    const value = record.values[name]
    if (value === null || value === undefined) missing += 1
  }
  return { name, missing, fraction: records.length === 0 ? 0 : missing / records.length }
}
