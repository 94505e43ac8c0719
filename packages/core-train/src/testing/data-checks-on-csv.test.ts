import type { DatasetSchema } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import type { SupervisedSettings } from '../pipeline/supervised-settings'
import { dataChecksOnCsv } from './data-checks-on-csv'

const schema: DatasetSchema = {
  features: [{ name: 'x', kind: 'numeric', min: 0, max: 10 }],
  label: { name: 'y', kind: 'class', classes: ['a', 'b'] },
}
const settings: SupervisedSettings = {
  seed: 1,
  validationFraction: 0.2,
  testFraction: 0.2,
  dropDuplicates: true,
  hiddenUnits: [2],
  activation: 'relu',
  dropout: 0,
  epochs: 1,
  batchSize: 4,
  learningRate: 0.01,
  patience: 1,
  checkpointEvery: 1,
}
const csv = (values: number[]) =>
  `x,y\n${values.map((x, i) => `${x},${i % 2 === 0 ? 'a' : 'b'}`).join('\n')}\n`

describe('dataChecksOnCsv', () => {
  it('prepares clean data and reports no failure', async () => {
    const outcome = await dataChecksOnCsv(csv([1, 2, 3, 4, 5, 6, 7, 8, 9, 1.5]), { schema, settings })
    expect(outcome.error).toBeUndefined()
    expect(outcome.prepared?.rows).toBe(10)
    expect(outcome.report?.passed).toBe(true)
    expect(outcome.failed).toEqual([])
  })

  it('names the checks of severity error that stop training', async () => {
    const outcome = await dataChecksOnCsv(csv([1, 2, 3, 4, 50, 6, 7, 8, 9, 1.5]), { schema, settings })
    expect(outcome.error?.name).toBe('DataCheckError')
    expect(outcome.failed).toEqual(['valueRanges'])
  })

  it('gives back a value that does not fit the schema as the error, naming the file', async () => {
    const outcome = await dataChecksOnCsv('x,y\n1,a\nabc,b\n', { schema, settings, fileName: 'tiny.csv' })
    expect(outcome.report).toBeUndefined()
    expect(outcome.error?.message).toContain('tiny.csv:3')
    expect(outcome.failed).toEqual([])
  })
})
