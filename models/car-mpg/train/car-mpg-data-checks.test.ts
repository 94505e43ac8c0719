import { readFileSync } from 'node:fs'
import { DataCheckError, UserError } from '@sagepack/core-data'
import { resolveConfig, type SupervisedSettings, supervisedSettingsFrom } from '@sagepack/core-train'
import { dataChecksOnCsv } from '@sagepack/core-train/testing'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { CARS_COLUMNS, CARS_CSV_PATH } from '../data/cars-csv'
import { carMpgSchema } from './car-mpg-schema'

const realCsv = readFileSync(CARS_CSV_PATH, 'utf8')
const defaults = supervisedSettingsFrom(resolveConfig(config, { env: {} }).values)
const checks = (csv: string, overrides: Partial<SupervisedSettings> = {}) =>
  dataChecksOnCsv(csv, {
    schema: carMpgSchema,
    settings: { ...defaults, ...overrides },
    fileName: 'cars.csv',
  })

const lines = realCsv.trim().split('\n')
const header = lines[0] as string
const rows = lines.slice(1).map((line) => line.split(','))
const csvOf = (body: string[][]) => `${[header, ...body.map((row) => row.join(','))].join('\n')}\n`

/** The real rows with `column` of every `every`-th row (from the first) replaced by `edit(value)`. */
function editColumn(column: (typeof CARS_COLUMNS)[number], every: number, edit: (value: string) => string) {
  const at = CARS_COLUMNS.indexOf(column)
  return rows.map((row, i) =>
    i % every === 0 ? row.map((value, c) => (c === at ? edit(value) : value)) : row,
  )
}

/** The checks of severity 'error' that stop training on this CSV. */
async function failedChecks(csv: string, overrides: Partial<SupervisedSettings> = {}): Promise<string[]> {
  const outcome = await checks(csv, overrides)
  expect(outcome.error).toBeInstanceOf(DataCheckError)
  expect(outcome.report?.passed).toBe(false)
  return outcome.failed
}

describe('car-mpg data checks', () => {
  it('pass on the real data: 392 complete cars, no duplicates, split 255/59/78', async () => {
    const { prepared, error } = await checks(realCsv)
    if (!prepared) throw error
    expect(prepared.report.passed).toBe(true)
    expect(prepared.report.results.map((r) => r.check)).toEqual([
      'missingValues',
      'valueRanges',
      'duplicateRows',
      'trainTestLeakage',
    ])
    expect(prepared.droppedDuplicates).toBe(0)
    const { train, validation, test } = prepared.splits
    expect([train.length, validation.length, test.length]).toEqual([255, 59, 78])
  })

  it('fail when the horsepower gaps of the source come back', async () => {
    // One in 60 rows is 1.7%, like the 6 of 398 labelled source cars without horsepower.
    expect(await failedChecks(csvOf(editColumn('horsepower', 60, () => '')))).toEqual(['missingValues'])
  })

  it('fail on cars without mpg, which cannot be trained on', async () => {
    expect(await failedChecks(csvOf(editColumn('mpg', 50, () => '')))).toEqual(['missingValues'])
  })

  it('fail on weights in kilograms instead of pounds', async () => {
    const kg = (lbs: string) => String(Math.round(Number(lbs) / 2.2046))
    expect(await failedChecks(csvOf(editColumn('weight', 1, kg)))).toEqual(['valueRanges'])
  })

  it('fail on displacement in litres instead of cubic inches', async () => {
    const litres = (cubicInches: string) => (Number(cubicInches) / 61.024).toFixed(1)
    expect(await failedChecks(csvOf(editColumn('displacement', 1, litres)))).toEqual(['valueRanges'])
  })

  it('fail on two-digit model years (70 for 1970)', async () => {
    expect(await failedChecks(csvOf(editColumn('year', 1, (year) => year.slice(2))))).toEqual(['valueRanges'])
  })

  it('fail on train/test leakage when duplicate cars are kept', async () => {
    expect(await failedChecks(csvOf([...rows, ...rows]), { dropDuplicates: false })).toContain(
      'trainTestLeakage',
    )
  })

  it('reject an origin the schema does not know, naming the file and line', async () => {
    const { error } = await checks(csvOf(editColumn('origin', 200, () => 'Germany')))
    expect(error).toBeInstanceOf(UserError)
    expect(error?.message).toContain('cars.csv:2, column origin')
    expect(error?.message).toContain('one of "USA", "Europe", "Japan"')
  })
})
