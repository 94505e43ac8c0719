// Runs a model's data checks on a CSV written in a test, the way training runs them on its channel:
// a model's data-check tests state which checks a broken copy of its real data must fail.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DataCheckReport, type DatasetSchema, readJsonFile } from '@sagepack/core-data'
import { silentLogger } from '../logging/create-logger'
import { DATA_CHECKS_FILE, type PreparedData, prepareTrainingData } from '../pipeline/prepare-training-data'
import type { SupervisedSettings } from '../pipeline/supervised-settings'

export interface DataChecksOutcome {
  /** The prepared data, when no check of severity 'error' failed. */
  prepared?: PreparedData
  /** What stopped preparation: a DataCheckError, or a UserError about a value that does not fit. */
  error?: Error
  /** What the checks saved (data-checks.json), when they ran. */
  report?: DataCheckReport & { droppedDuplicates?: string[] }
  /** The failed checks of severity 'error', by name. */
  failed: string[]
  /** The failed checks of severity 'warning', by name. */
  warned: string[]
}

export interface CsvModel {
  schema: DatasetSchema
  settings: SupervisedSettings
  /** The name the CSV gets in the channel, as error messages show it; default data.csv. */
  fileName?: string
}

export async function dataChecksOnCsv(csv: string, model: CsvModel): Promise<DataChecksOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'sagepack-data-checks-'))
  try {
    const channel = { name: 'train', dir: join(dir, 'train'), contentType: 'text/csv' }
    const outputDir = join(dir, 'output')
    await mkdir(channel.dir)
    await writeFile(join(channel.dir, model.fileName ?? 'data.csv'), csv)
    const outcome: { prepared?: PreparedData; error?: Error } = await prepareTrainingData(
      channel,
      model.schema,
      model.settings,
      outputDir,
      silentLogger,
    ).then(
      (prepared) => ({ prepared }),
      (error: Error) => ({ error }),
    )
    // Absent when preparation stopped before the checks ran (a value that does not fit the schema).
    const report = (await readJsonFile(join(outputDir, DATA_CHECKS_FILE), {
      optional: true,
      expected: 'the data-checks.json that prepareTrainingData writes',
      fix: 'a bug in prepareTrainingData: it wrote a file that is not JSON',
    })) as DataChecksOutcome['report']
    const failedWith = (severity: string) =>
      (report?.results ?? []).filter((r) => !r.passed && r.severity === severity).map((r) => r.check)
    return {
      ...outcome,
      ...(report ? { report } : {}),
      failed: failedWith('error'),
      warned: failedWith('warning'),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
