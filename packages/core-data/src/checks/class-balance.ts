// Check (classification only): rows per class. A declared class without rows can never be
// predicted correctly and a label outside the schema cannot be encoded, so both fail with 'error';
// a small class only warns because it may be the real distribution.
import type { DataRecord } from '../dataset/data-record'
import type { ClassLabel, DatasetSchema } from '../schema/feature-schema'
import type { CheckResult, Severity } from './check-result'
import type { ResolvedDataCheckOptions } from './data-check-options'
import { count, percent, quoted, sentence } from './summary-text'

const CLASS_BALANCE = 'classBalance'

/** Null for a regression schema: there are no classes to balance. */
export function checkClassBalance(
  schema: DatasetSchema,
  records: readonly DataRecord[],
  options: ResolvedDataCheckOptions,
): CheckResult | null {
  if (schema.label.kind !== 'class') return null
  const label: ClassLabel = schema.label
  const counts = new Map<string, number>(label.classes.map((name) => [name, 0]))
  const undeclared = new Map<string, number>()
  let labelled = 0
  for (const record of records) {
    const value = record.values[label.name]
    if (value === null || value === undefined) continue
    labelled += 1
    const name = String(value)
    const target = counts.has(name) ? counts : undeclared
    target.set(name, (target.get(name) ?? 0) + 1)
  }

  const fraction = (n: number) => (labelled === 0 ? 0 : n / labelled)
  const details = {
    labelled,
    minClassFraction: options.minClassFraction,
    counts: Object.fromEntries(counts),
    fractions: Object.fromEntries([...counts].map(([name, n]) => [name, fraction(n)])),
    undeclared: Object.fromEntries(undeclared),
  }
  const empty = [...counts].filter(([, n]) => n === 0).map(([name]) => name)
  const smallest = [...counts].reduce<[string, number] | null>(
    (least, entry) => (least === null || entry[1] < least[1] ? entry : least),
    null,
  )

  const errors: string[] = []
  if (empty.length > 0) {
    errors.push(
      `${count(empty.length, 'declared class')} ha${empty.length === 1 ? 's' : 've'} no rows: ${quoted(empty)}`,
    )
  }
  if (undeclared.size > 0) {
    const n = [...undeclared.values()].reduce((sum, value) => sum + value, 0)
    errors.push(
      `${count(n, 'row')} ${n === 1 ? 'carries a label' : 'carry labels'} the schema does not declare: ${quoted([...undeclared.keys()])}`,
    )
  }
  const smallestText = smallest
    ? `smallest class '${smallest[0]}' has ${smallest[1]} of ${labelled} labelled rows (${percent(fraction(smallest[1]))})`
    : 'no classes declared'
  const tooSmall = smallest !== null && smallest[1] > 0 && fraction(smallest[1]) < options.minClassFraction
  const computed: Severity | null = errors.length > 0 ? 'error' : tooSmall ? 'warning' : null
  const severity = options.severities.classBalance ?? computed ?? 'error'

  if (computed === null) {
    const summary = `${count(counts.size, 'class')} over ${count(labelled, 'labelled row')}; ${smallestText}.`
    return { check: CLASS_BALANCE, passed: true, severity, summary, details }
  }
  const sentences = tooSmall
    ? [...errors, `${smallestText}, below the ${percent(options.minClassFraction)} minimum`]
    : errors
  const summary = sentence(sentences)
  return { check: CLASS_BALANCE, passed: false, severity, summary, details }
}
