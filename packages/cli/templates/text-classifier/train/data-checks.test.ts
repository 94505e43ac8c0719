// The data checks that gate training, on the real data and on the mistakes they exist to catch.
import { readFileSync } from 'node:fs'
import { DataCheckError } from '@sagepack/core-data'
import { resolveConfig, type SupervisedSettings, supervisedSettingsFrom } from '@sagepack/core-train'
import { dataChecksOnCsv } from '@sagepack/core-train/testing'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { SUPPORT_TICKETS_CSV_PATH } from '../data/support-tickets-csv'
import { QUEUES, schema } from './schema'

const defaults = supervisedSettingsFrom(resolveConfig(config, { env: {} }).values)
const [header, ...rows] = readFileSync(SUPPORT_TICKETS_CSV_PATH, 'utf8').trim().split('\n') as [
  string,
  ...string[],
]
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`

/** The data checks training runs, on `csv` with this model's settings and any overrides. */
const checks = (csv: string, overrides: Partial<SupervisedSettings> = {}) =>
  dataChecksOnCsv(csv, { schema, settings: { ...defaults, ...overrides } })

/** The checks of severity 'error' that stop training on `csv`. */
async function failedChecks(csv: string, overrides: Partial<SupervisedSettings> = {}): Promise<string[]> {
  const { error, failed } = await checks(csv, overrides)
  expect(error).toBeInstanceOf(DataCheckError)
  return failed
}

describe('data checks', () => {
  it('pass on the training data', async () => {
    const { prepared, error } = await checks(csvOf(rows))
    if (!prepared) throw error
    expect(prepared.report.passed).toBe(true)
    const { train, validation, test } = prepared.splits
    expect(train.length + validation.length + test.length).toBe(rows.length - prepared.droppedDuplicates)
  })

  it('fail on empty messages', async () => {
    const body = rows.map((row, i) => (i % 10 === 0 ? row.replace(/^[^,]*,/, ',') : row))
    expect(await failedChecks(csvOf(body))).toContain('missingValues')
  })

  it('fail when a queue has no rows at all', async () => {
    const body = rows.filter((row) => !row.endsWith(',account'))
    expect(await failedChecks(csvOf(body))).toContain('classBalance')
  })

  it('fail on the same message routed to two different queues', async () => {
    const [message, queue] = (rows[0] as string).split(',') as [string, string]
    const other = QUEUES.find((q) => q !== queue)
    expect(await failedChecks(csvOf([...rows, `${message},${other}`]))).toContain('duplicateRows')
  })

  it('fail on train/test leakage when duplicates are kept', async () => {
    const twice = csvOf([...rows, ...rows])
    expect(await failedChecks(twice, { dropDuplicates: false })).toContain('trainTestLeakage')
  })
})
