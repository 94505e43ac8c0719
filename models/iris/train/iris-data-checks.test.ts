import { readFileSync } from 'node:fs'
import { DataCheckError, UserError } from '@sagepack/core-data'
import { resolveConfig, type SupervisedSettings, supervisedSettingsFrom } from '@sagepack/core-train'
import { dataChecksOnCsv } from '@sagepack/core-train/testing'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { IRIS_CSV_PATH } from '../data/iris-csv'
import { irisSchema } from './iris-schema'

const realCsv = readFileSync(IRIS_CSV_PATH, 'utf8')
const defaults = supervisedSettingsFrom(resolveConfig(config, { env: {} }).values)
const checks = (csv: string, overrides: Partial<SupervisedSettings> = {}) =>
  dataChecksOnCsv(csv, { schema: irisSchema, settings: { ...defaults, ...overrides }, fileName: 'iris.csv' })

const lines = realCsv.trim().split('\n')
const header = lines[0] as string
const rows = lines.slice(1)
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`

/** The checks of severity 'error' that stop training on this CSV. */
async function failedChecks(csv: string, overrides: Partial<SupervisedSettings> = {}): Promise<string[]> {
  const outcome = await checks(csv, overrides)
  expect(outcome.error).toBeInstanceOf(DataCheckError)
  expect(outcome.report?.passed).toBe(false)
  return outcome.failed
}

describe('iris data checks', () => {
  it('pass on the real data, after dropping its one duplicate flower', async () => {
    const { prepared, report } = await checks(realCsv)
    expect(prepared?.report.passed).toBe(true)
    expect(prepared?.droppedDuplicates).toBe(1)
    const { train, validation, test } = prepared?.splits ?? { train: [], validation: [], test: [] }
    expect(train.length + validation.length + test.length).toBe(149)
    expect(report?.droppedDuplicates).toEqual([expect.stringMatching(/iris\.csv:144$/)])
  })

  it('fail on missing measurements', async () => {
    const body = rows.map((row, i) => (i % 10 === 0 ? row.replace(/^([^,]*),/, ',') : row))
    expect(await failedChecks(csvOf(body))).toContain('missingValues')
  })

  it('fail on a measurement outside the declared range (a slipped decimal point)', async () => {
    // Row 61 is 5,2,3.5,1,versicolor; a petal of 35 cm is the 3.5 with its point lost.
    const body = rows.map((row, i) => (i === 60 ? row.replace(',3.5,', ',35,') : row))
    expect(body[60]).toBe('5,2,35,1,versicolor')
    expect(await failedChecks(csvOf(body))).toEqual(['valueRanges'])
  })

  it('fail when a species has no rows at all', async () => {
    expect(await failedChecks(csvOf(rows.filter((row) => !row.endsWith('virginica'))))).toContain(
      'classBalance',
    )
  })

  it('fail on train/test leakage when duplicates are kept', async () => {
    expect(await failedChecks(csvOf([...rows, ...rows]), { dropDuplicates: false })).toContain(
      'trainTestLeakage',
    )
  })

  it('reject a species the schema does not know, naming the file and line', async () => {
    const body = rows.map((row, i) => (i === 4 ? row.replace('setosa', 'Iris-setosa') : row))
    const { error } = await checks(csvOf(body))
    expect(error).toBeInstanceOf(UserError)
    expect(error?.message).toContain('iris.csv:6, column species')
  })
})
