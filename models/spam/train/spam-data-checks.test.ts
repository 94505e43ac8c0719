import { readFileSync } from 'node:fs'
import { DataCheckError, UserError } from '@sagepack/core-data'
import { resolveConfig, type SupervisedSettings, supervisedSettingsFrom } from '@sagepack/core-train'
import { dataChecksOnCsv } from '@sagepack/core-train/testing'
import { describe, expect, it } from 'vitest'
import config from '../config'
import { SPAM_CSV_PATH } from '../data/spam-csv'
import { spamSchema } from './spam-schema'

const realCsv = readFileSync(SPAM_CSV_PATH, 'utf8')
const defaults = supervisedSettingsFrom(resolveConfig(config, { env: {} }).values)
const checks = (csv: string, overrides: Partial<SupervisedSettings> = {}) =>
  dataChecksOnCsv(csv, { schema: spamSchema, settings: { ...defaults, ...overrides }, fileName: 'spam.csv' })

const lines = realCsv.trim().split('\n')
const header = lines[0] as string
const rows = lines.slice(1)
// Every 10th message: about 600 rows of both classes, enough for the checks and quick to read.
const sample = rows.filter((_, i) => i % 10 === 0)
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`
const isSpam = (row: string) => row.split(',')[1] === 'spam'

/** The prepared data and the saved report of a CSV that training accepts. */
async function prepare(csv: string) {
  const { prepared, report, error } = await checks(csv)
  if (!prepared || !report) throw error ?? new Error('the data checks saved no report')
  return { prepared, report }
}

/** The checks of severity 'error' that stop training on this CSV. */
async function failedChecks(csv: string, overrides: Partial<SupervisedSettings> = {}): Promise<string[]> {
  const outcome = await checks(csv, overrides)
  expect(outcome.error).toBeInstanceOf(DataCheckError)
  expect(outcome.report?.passed).toBe(false)
  return outcome.failed
}

describe('spam data checks', () => {
  it('pass on the real data, after dropping the 162 messages the corpus repeats', async () => {
    const { prepared, report } = await prepare(realCsv)
    expect(prepared.report.passed).toBe(true)
    expect(report.results.every((r) => r.passed)).toBe(true)
    expect(prepared.rows).toBe(6046)
    expect(prepared.droppedDuplicates).toBe(162)
    const { train, validation, test } = prepared.splits
    expect([train.length, validation.length, test.length]).toEqual([3824, 883, 1177])
    // Stratified: the test split keeps the corpus's share of spam (1776 of 5884 kept messages).
    const testSpam = test.filter((record) => record.values.label === 'spam').length
    expect(testSpam / test.length).toBeCloseTo(1776 / 5884, 2)
  })

  it('fail on messages without text', async () => {
    // id, label and html kept, the text emptied.
    const body = sample.map((row, i) => (i % 20 === 0 ? row.replace(/^([^,]*,[^,]*,[^,]*),.*$/, '$1,') : row))
    // Empty texts of both labels also look like one message labelled twice, so duplicateRows fails too.
    expect(await failedChecks(csvOf(body))).toContain('missingValues')
  })

  it('fail when there is no spam at all', async () => {
    expect(await failedChecks(csvOf(sample.filter((row) => !isSpam(row))))).toEqual(['classBalance'])
  })

  it('warn, and train, when spam is rarer than checks.minClassFraction', async () => {
    const fewSpam = sample.filter((row, i) => !isSpam(row) || i % 10 === 0)
    const { prepared, report } = await prepare(csvOf(fewSpam))
    expect(prepared.report.passed).toBe(true)
    const balance = report.results.find((r) => r.check === 'classBalance')
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
    const { error } = await checks(csvOf(body))
    expect(error).toBeInstanceOf(UserError)
    expect(error?.message).toContain('spam.csv:6, column label')
  })
})
