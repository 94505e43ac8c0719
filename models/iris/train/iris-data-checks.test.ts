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
import { IRIS_CSV_PATH } from '../data/iris-csv'
import { irisSchema } from './iris-schema'
import { irisSettings } from './iris-settings'

const realCsv = readFileSync(IRIS_CSV_PATH, 'utf8')
const defaults = irisSettings(resolveConfig(config, { env: {} }).values)
const settings = (overrides: Partial<SupervisedSettings> = {}): SupervisedSettings => ({
  ...defaults,
  ...overrides,
})

/** A training channel holding `csv`, and a folder for the report. */
function channelWith(csv: string): { channel: TrainingChannel; outputDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iris-channel-'))
  writeFileSync(join(dir, 'iris.csv'), csv)
  return {
    channel: { name: 'train', dir, contentType: 'text/csv' },
    outputDir: mkdtempSync(join(tmpdir(), 'iris-out-')),
  }
}

const lines = realCsv.trim().split('\n')
const header = lines[0] as string
const rows = lines.slice(1)
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`

async function failedChecks(csv: string, overrides = {}): Promise<string[]> {
  const { channel, outputDir } = channelWith(csv)
  const error = await prepareTrainingData(
    channel,
    irisSchema,
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

describe('iris data checks', () => {
  it('pass on the real data, after dropping its one duplicate flower', async () => {
    const { channel, outputDir } = channelWith(realCsv)
    const prepared = await prepareTrainingData(channel, irisSchema, settings(), outputDir, silentLogger)
    expect(prepared.report.passed).toBe(true)
    expect(prepared.droppedDuplicates).toBe(1)
    const { train, validation, test } = prepared.splits
    expect(train.length + validation.length + test.length).toBe(149)
    const saved = JSON.parse(readFileSync(join(outputDir, 'data-checks.json'), 'utf8'))
    expect(saved.droppedDuplicates).toEqual([`${join(channel.dir, 'iris.csv')}:144`])
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
    const { channel, outputDir } = channelWith(csvOf(body))
    const error = await prepareTrainingData(channel, irisSchema, settings(), outputDir, silentLogger).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain('iris.csv:6, column species')
  })
})
