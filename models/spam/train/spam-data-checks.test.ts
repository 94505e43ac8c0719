import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataCheckError, UserError } from '@sagepack/core-data'
import {
  type PreparedData,
  prepareTrainingData,
  resolveConfig,
  type SupervisedSettings,
  silentLogger,
  type TrainingChannel,
} from '@sagepack/core-train'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { SPAM_CSV_PATH } from '../data/spam-csv'
import { spamSchema } from './spam-schema'
import { spamSettings } from './spam-settings'

const realCsv = readFileSync(SPAM_CSV_PATH, 'utf8')
const defaults = spamSettings(resolveConfig(config, { env: {} }).values)
const settings = (overrides: Partial<SupervisedSettings> = {}): SupervisedSettings => ({
  ...defaults,
  ...overrides,
})

/** A training channel holding `csv`, and a folder for the report. */
function channelWith(csv: string): { channel: TrainingChannel; outputDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'spam-channel-'))
  writeFileSync(join(dir, 'spam.csv'), csv)
  return {
    channel: { name: 'train', dir, contentType: 'text/csv' },
    outputDir: mkdtempSync(join(tmpdir(), 'spam-out-')),
  }
}

const lines = realCsv.trim().split('\n')
const header = lines[0] as string
const rows = lines.slice(1)
// Every 10th message: about 600 rows of both classes, enough for the checks and quick to read.
const sample = rows.filter((_, i) => i % 10 === 0)
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`
const isSpam = (row: string) => row.split(',')[1] === 'spam'

async function prepare(csv: string, overrides = {}): Promise<{ prepared: PreparedData; saved: Report }> {
  const { channel, outputDir } = channelWith(csv)
  const prepared = await prepareTrainingData(
    channel,
    spamSchema,
    settings(overrides),
    outputDir,
    silentLogger,
  )
  return { prepared, saved: JSON.parse(readFileSync(join(outputDir, 'data-checks.json'), 'utf8')) }
}

interface Report {
  passed: boolean
  results: Array<{ check: string; passed: boolean; severity: string; summary: string }>
  droppedDuplicates: string[]
}

async function failedChecks(csv: string, overrides = {}): Promise<string[]> {
  const { channel, outputDir } = channelWith(csv)
  const error = await prepareTrainingData(
    channel,
    spamSchema,
    settings(overrides),
    outputDir,
    silentLogger,
  ).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DataCheckError)
  const saved: Report = JSON.parse(readFileSync(join(outputDir, 'data-checks.json'), 'utf8'))
  expect(saved.passed).toBe(false)
  return saved.results.filter((r) => !r.passed && r.severity === 'error').map((r) => r.check)
}

describe('spam data checks', () => {
  it('pass on the real data, after dropping the 162 messages the corpus repeats', async () => {
    const { prepared, saved } = await prepare(realCsv)
    expect(prepared.report.passed).toBe(true)
    expect(saved.results.every((r) => r.passed)).toBe(true)
    expect(prepared.rows).toBe(6046)
    expect(prepared.droppedDuplicates).toBe(162)
    const { train, validation, test } = prepared.splits
    expect([train.length, validation.length, test.length]).toEqual([3824, 883, 1177])
    // Stratified: the test split keeps the corpus's share of spam (1776 of 5884 kept messages).
    const testSpam = test.filter((record) => record.values.label === 'spam').length
    expect(testSpam / test.length).toBeCloseTo(1776 / 5884, 2)
  })

  it('fail on messages without text', async () => {
    const body = sample.map((row, i) => (i % 20 === 0 ? row.replace(/^([^,]*,[^,]*),.*$/, '$1,') : row))
    // Empty texts of both labels also look like one message labelled twice, so duplicateRows fails too.
    expect(await failedChecks(csvOf(body))).toContain('missingValues')
  })

  it('fail when there is no spam at all', async () => {
    expect(await failedChecks(csvOf(sample.filter((row) => !isSpam(row))))).toEqual(['classBalance'])
  })

  it('warn, and train, when spam is rarer than checks.minClassFraction', async () => {
    const fewSpam = sample.filter((row, i) => !isSpam(row) || i % 10 === 0)
    const { prepared, saved } = await prepare(csvOf(fewSpam))
    expect(prepared.report.passed).toBe(true)
    const balance = saved.results.find((r) => r.check === 'classBalance')
    expect(balance).toMatchObject({ passed: false, severity: 'warning' })
    expect(balance?.summary).toMatch(/smallest class 'spam' has \d+ of \d+ labelled rows/i)
  })

  it('fail when the same text is labelled both spam and ham', async () => {
    const ham = sample.find((row) => !isSpam(row)) as string
    const relabelled = ham.replace(/^([^,]*),ham,/, '$1,spam,')
    expect(await failedChecks(csvOf([...sample, relabelled]))).toEqual(['duplicateRows'])
  })

  it('fail on train/test leakage when repeated messages are kept', async () => {
    expect(await failedChecks(csvOf([...sample, ...sample]), { dropDuplicates: false })).toContain(
      'trainTestLeakage',
    )
  })

  it('reject a label the schema does not know, naming the file and line', async () => {
    const body = sample.map((row, i) => (i === 4 ? row.replace(/^([^,]*),(ham|spam),/, '$1,junk,') : row))
    const { channel, outputDir } = channelWith(csvOf(body))
    const error = await prepareTrainingData(channel, spamSchema, settings(), outputDir, silentLogger).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain('spam.csv:6, column label')
  })
})
