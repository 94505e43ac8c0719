// Reads a channel into typed records, drops exact duplicates if asked, splits with the seed, and
// runs the data checks; the report is saved before an `error` check stops training.
import { join } from 'node:path'
import {
  assertDataChecksPassed,
  type DataCheckReport,
  type DataRecord,
  type DatasetSchema,
  type DatasetSplits,
  dropDuplicateRecords,
  formatDataCheckReport,
  readDataset,
  recordLocation,
  runDataChecks,
  splitDataset,
  taskOf,
  writeJsonAtomic,
} from '@sagepack/core-data'
import type { TrainingChannel } from '../contract/training-environment'
import type { Logger } from '../logging/create-logger'
import type { SupervisedSettings } from './supervised-settings'

export const DATA_CHECKS_FILE = 'data-checks.json'

export interface PreparedData {
  splits: DatasetSplits<DataRecord>
  report: DataCheckReport
  rows: number
  droppedDuplicates: number
}

export async function prepareTrainingData(
  channel: TrainingChannel,
  schema: DatasetSchema,
  settings: SupervisedSettings,
  outputDataDir: string,
  log: Logger,
): Promise<PreparedData> {
  const records = await readDataset(channel.dir, schema, { contentType: channel.contentType })
  const { kept, dropped } = settings.dropDuplicates
    ? dropDuplicateRecords(schema, records)
    : { kept: records, dropped: [] }
  if (dropped.length > 0) {
    log.info(`dropped ${dropped.length} exact duplicate row(s): ${dropped.map(recordLocation).join(', ')}`)
  }
  const label = schema.label.name
  const splits = splitDataset(kept, {
    seed: settings.seed,
    validationFraction: settings.validationFraction,
    testFraction: settings.testFraction,
    ...(taskOf(schema) === 'classification'
      ? { stratifyBy: (r: DataRecord) => String(r.values[label]) }
      : {}),
  })
  const report = runDataChecks({
    schema,
    records: kept,
    splits: { train: splits.train, test: splits.test },
    ...(settings.checks ? { options: settings.checks } : {}),
  })
  await writeJsonAtomic(join(outputDataDir, DATA_CHECKS_FILE), {
    ...report,
    droppedDuplicates: dropped.map(recordLocation),
  })
  log.info(`data checks on ${kept.length} rows:\n${formatDataCheckReport(report)}`)
  assertDataChecksPassed(report)
  log.info(
    `split ${kept.length} rows: train ${splits.train.length}, validation ${splits.validation.length}, test ${splits.test.length}`,
  )
  return { splits, report, rows: records.length, droppedDuplicates: dropped.length }
}
