// Behavioural tests on a model trained by the real local pipeline with the default config: customers
// whose answer is not in doubt, what the inputs' types must not change, and the direction each
// feature pushes the prediction. They hold for any data with the same meaning, not one lucky split.
import { predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLASSES } from '../train/schema'

const CHURNS = CLASSES.indexOf('yes')

let run: ModelTrainedForTest
let trained: TrainedModel

beforeAll(async () => {
  run = await trainModelForTest({ model: '__MODEL_NAME__' })
  trained = run.trained
}, 120_000)
afterAll(() => run?.dispose())

const customer = (
  tenure_months: number,
  monthly_charges: number,
  support_calls: number,
  contract: string,
) => ({
  tenure_months,
  monthly_charges,
  support_calls,
  contract,
})
/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}
const churnProbability = (rows: Array<Record<string, unknown>>) =>
  predictEach(rows).map((p) => p[CHURNS] as number)

describe('the trained model', () => {
  it('tells customers who are leaving from customers who are staying, with confidence', () => {
    const [leaving, staying] = churnProbability([
      customer(2, 110, 6, 'monthly'),
      customer(60, 40, 0, 'two-year'),
    ])
    expect(leaving).toBeGreaterThan(0.8)
    expect(staying).toBeLessThan(0.2)
  })

  it('reads numbers sent as CSV strings the same as numbers (one preprocessing path)', () => {
    const asStrings = {
      tenure_months: '12',
      monthly_charges: '70.5',
      support_calls: '2',
      contract: 'one-year',
    }
    expect(predictEach([asStrings])).toEqual(predictEach([customer(12, 70.5, 2, 'one-year')]))
  })

  it('rates churn higher with every support call', () => {
    const calls = churnProbability([0, 2, 4, 6, 8].map((n) => customer(24, 70, n, 'monthly')))
    for (let i = 1; i < calls.length; i++) expect(calls[i]).toBeGreaterThan(calls[i - 1] as number)
  })

  it('rates churn lower the longer the contract', () => {
    const [monthly, oneYear, twoYear] = churnProbability(
      ['monthly', 'one-year', 'two-year'].map((contract) => customer(24, 70, 2, contract)),
    )
    expect(oneYear).toBeLessThan(monthly as number)
    expect(twoYear).toBeLessThan(oneYear as number)
  })
})
