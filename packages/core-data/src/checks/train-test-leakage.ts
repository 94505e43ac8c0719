// Check: test rows whose features also appear in train. The model has seen them, so test metrics
// overstate how it does on new data; that fails with 'error'.
import type { DataRecord } from '../dataset/data-record'
import { recordLocation } from '../readers/input-location'
import type { DatasetSchema } from '../schema/feature-schema'
import type { CheckResult } from './check-result'
import type { ResolvedDataCheckOptions } from './data-check-options'
import { featureKey } from './row-key'
import { count, percent } from './summary-text'

const TRAIN_TEST_LEAKAGE = 'trainTestLeakage'

/** How many leaking rows the details list; the counts cover all of them. */
const MAX_LISTED_LEAKS = 5

export function checkTrainTestLeakage(
  schema: DatasetSchema,
  splits: { train: readonly DataRecord[]; test: readonly DataRecord[] },
  options: ResolvedDataCheckOptions,
): CheckResult {
  const severity = options.severities.trainTestLeakage ?? 'error'
  const trainByFeatures = new Map<string, DataRecord>()
  for (const record of splits.train) {
    const key = featureKey(schema, record)
    if (!trainByFeatures.has(key)) trainByFeatures.set(key, record)
  }
  const leakedKeys = new Set<string>()
  const examples: string[] = []
  let leakingTestRows = 0
  for (const record of splits.test) {
    const key = featureKey(schema, record)
    const inTrain = trainByFeatures.get(key)
    if (!inTrain) continue
    leakingTestRows += 1
    leakedKeys.add(key)
    if (examples.length < MAX_LISTED_LEAKS)
      examples.push(`${recordLocation(record)} = ${recordLocation(inTrain)}`)
  }
  const testRows = splits.test.length
  const details = {
    trainRows: splits.train.length,
    testRows,
    leakingTestRows,
    distinctLeakedRows: leakedKeys.size,
    examples,
  }
  if (leakingTestRows === 0) {
    const summary = `None of ${count(testRows, 'test row')} has features that also appear among ${count(splits.train.length, 'train row')}.`
    return { check: TRAIN_TEST_LEAKAGE, passed: true, severity, summary, details }
  }
  const share = percent(testRows === 0 ? 0 : leakingTestRows / testRows)
  const summary = `${leakingTestRows} of ${testRows} test rows (${share}) have features that also appear in train, e.g. ${examples[0]} (test = train).`
  return { check: TRAIN_TEST_LEAKAGE, passed: false, severity, summary, details }
}
