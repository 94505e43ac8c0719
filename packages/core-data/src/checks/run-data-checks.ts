// Runs every data check that applies to a dataset and assembles the report training is gated on.
import type { DataRecord } from '../dataset/data-record'
import type { DatasetSchema } from '../schema/feature-schema'
import { type CheckResult, type DataCheckReport, resultsPassed } from './check-result'
import { checkClassBalance } from './class-balance'
import { type DataCheckOptions, resolveDataCheckOptions } from './data-check-options'
import { checkDuplicateRows } from './duplicate-rows'
import { checkMissingValues } from './missing-values'
import { checkTrainTestLeakage } from './train-test-leakage'
import { checkValueRanges } from './value-ranges'

export interface DataCheckInput {
  schema: DatasetSchema
  records: readonly DataRecord[]
  /** Leakage is checked only when the splits are given. */
  splits?: { train: readonly DataRecord[]; test: readonly DataRecord[] }
  options?: DataCheckOptions
  /** When the checks ran; defaults to now. Pass it to get byte-identical reports in tests. */
  now?: Date
}

export function runDataChecks(input: DataCheckInput): DataCheckReport {
  const { schema, records, splits } = input
  const options = resolveDataCheckOptions(input.options)
  const results: CheckResult[] = [
    checkMissingValues(schema, records, options),
    checkValueRanges(schema, records, options),
  ]
  const balance = checkClassBalance(schema, records, options)
  if (balance) results.push(balance)
  results.push(checkDuplicateRows(schema, records, options))
  if (splits) results.push(checkTrainTestLeakage(schema, splits, options))
  return { passed: resultsPassed(results), checkedAt: (input.now ?? new Date()).toISOString(), results }
}
