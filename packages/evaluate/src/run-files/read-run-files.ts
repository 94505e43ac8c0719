// Reads what an evaluation needs of a completed run folder: run.json, config.json (and its digest),
// metrics.json, data-checks.json and the split predictions, failing with what is missing and the fix.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type DataCheckReport, readJsonFile, UserError } from '@sagepack/core-data'
import { type RunRecord, readRunRecord } from '@sagepack/core-train/workspace'
import { type PredictionsTable, parsePredictionsCsv } from '../predictions/predictions-table'

export interface RunFiles {
  runDir: string
  record: RunRecord
  config: unknown
  configSha256: string
  metrics: Record<string, unknown>
  dataChecks: DataCheckReport | null
  test: PredictionsTable
  /** The training split's predictions (the baseline learns from its labels), when written. */
  train: PredictionsTable | null
}

const TEST_PREDICTIONS = join('results', 'test-predictions.csv')
const TRAIN_PREDICTIONS = join('results', 'train-predictions.csv')

export async function readRunFiles(
  runDir: string,
  about: { model: string; runId: string },
): Promise<RunFiles> {
  const record = await readRunRecord(runDir)
  const configText = await readFile(join(runDir, 'config.json')).catch(() => {
    throw new UserError({
      input: join(runDir, 'config.json'),
      problem: 'is missing',
      expected: 'the resolved config every completed run keeps',
      fix: 'the run folder is incomplete: pull it again or train again',
    })
  })
  const metrics = (await readJsonFile(join(runDir, 'metrics.json'), {
    expected: 'the metrics.json the training pipeline writes',
    fix: `train again with \`pnpm train ${about.model}\``,
  })) as Record<string, unknown>
  const testFile = join(runDir, TEST_PREDICTIONS)
  if (!existsSync(testFile)) {
    throw new UserError({
      input: `run ${about.model}/${about.runId}`,
      problem: `has no test split to evaluate (${TEST_PREDICTIONS} is missing)`,
      expected: 'a run trained with a test split: the report scores the held-out test rows',
      fix: `train with a test split, e.g. \`pnpm train ${about.model} --set data.testFraction=0.2\``,
    })
  }
  const dataChecksFile = join(runDir, 'data-checks.json')
  const trainFile = join(runDir, TRAIN_PREDICTIONS)
  return {
    runDir,
    record,
    config: JSON.parse(configText.toString('utf8')) as unknown,
    configSha256: createHash('sha256').update(configText).digest('hex'),
    metrics,
    dataChecks: existsSync(dataChecksFile)
      ? ((await readJsonFile(dataChecksFile, {
          expected: 'the data checks training wrote',
          fix: 'train the run again',
        })) as DataCheckReport)
      : null,
    test: parsePredictionsCsv(await readFile(testFile, 'utf8'), testFile),
    train: existsSync(trainFile) ? parsePredictionsCsv(await readFile(trainFile, 'utf8'), trainFile) : null,
  }
}
