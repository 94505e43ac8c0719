// Check: numeric values outside the range the schema declares (a negative petal width, a label
// above its maximum) are almost always unit or parsing mistakes, so they fail with 'error'.
import type { DataRecord } from '../dataset/data-record'
import { recordLocation } from '../readers/input-location'
import type { DatasetSchema } from '../schema/feature-schema'
import type { CheckResult } from './check-result'
import type { ResolvedDataCheckOptions } from './data-check-options'
import { count } from './summary-text'

const VALUE_RANGES = 'valueRanges'

/** How many offending cells the details list; the counts cover all of them. */
const MAX_LISTED_OFFENDERS = 10

interface DeclaredRange {
  name: string
  min?: number
  max?: number
}

export function checkValueRanges(
  schema: DatasetSchema,
  records: readonly DataRecord[],
  options: ResolvedDataCheckOptions,
): CheckResult {
  const severity = options.severities.valueRanges ?? 'error'
  const ranges = declaredRanges(schema)
  const outOfRange: Record<string, number> = {}
  const offenders: string[] = []
  let total = 0
  for (const record of records) {
    for (const range of ranges) {
      const value = record.values[range.name]
      if (typeof value !== 'number' || inRange(value, range)) continue
      total += 1
      outOfRange[range.name] = (outOfRange[range.name] ?? 0) + 1
      if (offenders.length < MAX_LISTED_OFFENDERS)
        offenders.push(`${recordLocation(record)} ${range.name} ${value}`)
    }
  }
  const details = {
    ranges: Object.fromEntries(
      ranges.map(({ name, min, max }) => [name, { min: min ?? null, max: max ?? null }]),
    ),
    total,
    outOfRange,
    offenders,
  }
  if (ranges.length === 0) {
    return {
      check: VALUE_RANGES,
      passed: true,
      severity,
      summary: 'The schema declares no value ranges.',
      details,
    }
  }
  if (total === 0) {
    const summary = `All values of ${count(ranges.length, 'column')} with a declared range lie inside it over ${count(records.length, 'row')}.`
    return { check: VALUE_RANGES, passed: true, severity, summary, details }
  }
  const columns = Object.entries(outOfRange).map(
    ([name, n]) => `${n} in '${name}' (${describeRange(ranges, name)})`,
  )
  const summary = `${count(total, 'value')} ${total === 1 ? 'lies' : 'lie'} outside the declared range: ${columns.join(', ')}; first: ${offenders[0]}.`
  return { check: VALUE_RANGES, passed: false, severity, summary, details }
}

function declaredRanges(schema: DatasetSchema): DeclaredRange[] {
  const columns: DeclaredRange[] = []
  for (const spec of [...schema.features, schema.label]) {
    if (spec.kind !== 'numeric' || (spec.min === undefined && spec.max === undefined)) continue
    columns.push({ name: spec.name, min: spec.min, max: spec.max })
  }
  return columns
}

// Written as negations so NaN, which compares false with everything, counts as out of range.
function inRange(value: number, range: DeclaredRange): boolean {
  if (range.min !== undefined && !(value >= range.min)) return false
  if (range.max !== undefined && !(value <= range.max)) return false
  return true
}

function describeRange(ranges: readonly DeclaredRange[], name: string): string {
  const range = ranges.find((candidate) => candidate.name === name)
  return `range ${range?.min ?? '-inf'}..${range?.max ?? '+inf'}`
}
