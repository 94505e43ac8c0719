import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataCheckError, UserError } from '@sagepack/core-data'
import {
  prepareTrainingData,
  resolveConfig,
  type SupervisedSettings,
  silentLogger,
  type TrainingChannel,
} from '@sagepack/core-train'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { CARS_COLUMNS, CARS_CSV_PATH } from '../data/cars-csv'
import { carMpgSchema } from './car-mpg-schema'
import { carMpgSettings } from './car-mpg-settings'

const realCsv = readFileSync(CARS_CSV_PATH, 'utf8')
const defaults = carMpgSettings(resolveConfig(config, { env: {} }).values)
const settings = (overrides: Partial<SupervisedSettings> = {}): SupervisedSettings => ({
  ...defaults,
  ...overrides,
})

/** A training channel holding `csv`, and a folder for the report. */
function channelWith(csv: string): { channel: TrainingChannel; outputDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'car-mpg-channel-'))
  writeFileSync(join(dir, 'cars.csv'), csv)
  return {
    channel: { name: 'train', dir, contentType: 'text/csv' },
    outputDir: mkdtempSync(join(tmpdir(), 'car-mpg-out-')),
  }
}

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

async function failedChecks(csv: string, overrides = {}): Promise<string[]> {
  const { channel, outputDir } = channelWith(csv)
  const error = await prepareTrainingData(
    channel,
    carMpgSchema,
    settings(overrides),
    outputDir,
    silentLogger,
  ).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DataCheckError)
  const saved = JSON.parse(readFileSync(join(outputDir, 'data-checks.json'), 'utf8'))
  expect(saved.passed).toBe(false)
  return saved.results
    .filter((r: { passed: boolean; severity: string }) => !r.passed && r.severity === 'error')
    .map((r: { check: string }) => r.check)
}

describe('car-mpg data checks', () => {
  it('pass on the real data: 392 complete cars, no duplicates, split 255/59/78', async () => {
    const { channel, outputDir } = channelWith(realCsv)
    const prepared = await prepareTrainingData(channel, carMpgSchema, settings(), outputDir, silentLogger)
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
    const { channel, outputDir } = channelWith(csvOf(editColumn('origin', 200, () => 'Germany')))
    const error = await prepareTrainingData(channel, carMpgSchema, settings(), outputDir, silentLogger).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toContain('cars.csv:2, column origin')
    expect((error as UserError).message).toContain('one of "USA", "Europe", "Japan"')
  })
})
