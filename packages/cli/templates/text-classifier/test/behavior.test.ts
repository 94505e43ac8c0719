// Behavioural tests on a model trained by the real local pipeline with the default config: messages
// whose queue is not in doubt, worded differently from any training row, and changes to a message that
// must not change its queue. They hold for any data with the same meaning, not one lucky split.
import { predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUEUES } from '../train/schema'

let run: ModelTrainedForTest
let trained: TrainedModel

beforeAll(async () => {
  run = await trainModelForTest({ model: '__MODEL_NAME__' })
  trained = run.trained
}, 120_000)
afterAll(() => run?.dispose())

/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}

function routed(messages: string[]) {
  return predictEach(messages.map((message) => ({ message }))).map((p) => {
    const best = p.indexOf(Math.max(...p))
    return { queue: QUEUES[best], confidence: p[best] as number }
  })
}

describe('the trained model', () => {
  it('routes plainly worded messages to their queue with confidence', () => {
    const cases = [
      { message: 'You charged my card twice, I want a refund', queue: 'billing' },
      { message: 'Where is the invoice for last month?', queue: 'billing' },
      { message: 'The app crashes every time I try to upload a photo', queue: 'technical' },
      { message: 'Error message when the page tries to load', queue: 'technical' },
      { message: 'I forgot my password and now my account is locked', queue: 'account' },
      { message: 'Please change my username and email address', queue: 'account' },
    ]
    const results = routed(cases.map((c) => c.message))
    results.forEach((result, i) => {
      expect(result.queue, cases[i]?.message).toBe(cases[i]?.queue)
      expect(result.confidence, cases[i]?.message).toBeGreaterThan(0.6)
    })
    expect(new Set(results.map((result) => result.queue))).toEqual(new Set(QUEUES))
  })

  it('ignores case and punctuation', () => {
    const [plain, shouted] = predictEach([
      { message: 'please refund my payment' },
      { message: 'PLEASE... Refund my payment!!!' },
    ])
    expect(shouted).toEqual(plain)
  })

  it('keeps the queue when greetings, names and sign-offs are added', () => {
    const bare = 'the export button does nothing'
    const [alone, ...dressed] = routed([
      bare,
      `Hello team, this is Priya from Lisbon. ${bare}. Kind regards`,
      `${bare} :( thanks in advance`,
    ])
    for (const result of dressed) expect(result.queue).toBe(alone?.queue)
  })
})
