// The data checks that gate training, on the real data and on the mistakes they exist to catch.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataCheckError } from '@sagepack/core-data'
import {
  prepareTrainingData,
  resolveConfig,
  type SupervisedSettings,
  silentLogger,
  type TrainingChannel,
} from '@sagepack/core-train'
import { afterAll, describe, expect, it } from 'vitest'
import config from '../config'
import { SUPPORT_TICKETS_CSV_PATH } from '../data/support-tickets-csv'
import { QUEUES, schema } from './schema'
import { settings } from './settings'

const defaults = settings(resolveConfig(config, { env: {} }).values)
const [header, ...rows] = readFileSync(SUPPORT_TICKETS_CSV_PATH, 'utf8').trim().split('\n') as [
  string,
  ...string[],
]
const csvOf = (body: string[]) => `${[header, ...body].join('\n')}\n`

const channelDirs: string[] = []
afterAll(() => {
  for (const dir of channelDirs) rmSync(dir, { recursive: true, force: true })
})

/** A training channel holding `csv`, and a folder for the report. */
function channelWith(csv: string): { channel: TrainingChannel; outputDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'data-checks-'))
  channelDirs.push(dir)
  writeFileSync(join(dir, 'data.csv'), csv)
  return { channel: { name: 'train', dir, contentType: 'text/csv' }, outputDir: join(dir, 'out') }
}

async function failedChecks(csv: string, overrides: Partial<SupervisedSettings> = {}): Promise<string[]> {
  const { channel, outputDir } = channelWith(csv)
  const error = await prepareTrainingData(
    channel,
    schema,
    { ...defaults, ...overrides },
    outputDir,
    silentLogger,
  ).catch((e) => e)
  expect(error).toBeInstanceOf(DataCheckError)
  const saved = JSON.parse(readFileSync(join(outputDir, 'data-checks.json'), 'utf8'))
  return saved.results
    .filter((r: { passed: boolean; severity: string }) => !r.passed && r.severity === 'error')
    .map((r: { check: string }) => r.check)
}

describe('data checks', () => {
  it('pass on the training data', async () => {
    const { channel, outputDir } = channelWith(csvOf(rows))
    const prepared = await prepareTrainingData(channel, schema, defaults, outputDir, silentLogger)
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
