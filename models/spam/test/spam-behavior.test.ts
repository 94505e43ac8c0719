// Behavioural tests on a model trained by the real local pipeline (fewer epochs than the default, to
// keep the suite fast): messages whose class is not in doubt, invariance to what the bag of words
// ignores, the direction a sales pitch pushes a message, and a floor under the test metrics.
import { type ClassificationMetrics, predictRows, type TrainedModel } from '@sagepack/core-train'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SPAM_CLASSES } from '../train/spam-schema'

const SPAM = SPAM_CLASSES.indexOf('spam')

let run: ModelTrainedForTest
let trained: TrainedModel
let metrics: { test: ClassificationMetrics }

beforeAll(async () => {
  // 8 epochs reach within a point of the early-stopped default (see the metric floor below). The run
  // copies the 5 MB training channel into its folder; dispose() removes it.
  run = await trainModelForTest({ model: 'spam', sets: ['train.epochs=8'] })
  trained = run.trained
  metrics = run.metrics as { test: ClassificationMetrics }
}, 180_000)

afterAll(async () => {
  trained?.model.dispose()
  await run?.dispose()
})

/** predictRows, holding the model to what every behaviour below needs first: one answer per row. */
function predictEach(rows: Array<Record<string, unknown>>): number[][] {
  const predictions = predictRows(trained, rows)
  expect(predictions, 'one prediction per row').toHaveLength(rows.length)
  return predictions
}

const spamProbabilities = (texts: string[]) =>
  predictEach(texts.map((text) => ({ text }))).map((p) => p[SPAM] as number)

const CLEAR_SPAM = [
  'URGENT: You have WON a $1,000,000 cash prize! Click here now to claim your FREE money. Limited time offer, act now!',
  'Lose 30 pounds in 30 days with our amazing diet pills. 100% guaranteed! Order now and get a free bottle. To be removed from our mailing list click here.',
  'Dear friend, I am the son of the late minister of finance and need your help to transfer $25,000,000 USD to a bank account abroad. You will receive 30% commission. Please reply with your bank details.',
  'Refinance your home today at the lowest mortgage rates! No credit check, free quote, apply online now and save thousands of dollars.',
]

const CLEAR_HAM = [
  'Re: patch for the build script. Thanks, I applied your patch to CVS. The tests pass on Linux now but the Solaris build still fails with a linker error, can you take a look?',
  'Re: [SAtalk] false positives with the new rules. I ran the mass-check over my corpus last night and the scores look fine, but two of my list messages were tagged. Debug output below.',
  "Re: kernel upgrade. I tried the 2.4.19 kernel on my laptop and the network card works again after I rebuilt the module. I'll post the config to the list tomorrow.",
]

describe('the trained spam model', () => {
  // Each batch holds one message of the other class, so a model that answers everything alike fails.
  it('flags unmistakable spam with confidence', () => {
    const [work, ...spam] = spamProbabilities([CLEAR_HAM[0] as string, ...CLEAR_SPAM])
    spam.forEach((p, i) => {
      expect(p, CLEAR_SPAM[i]).toBeGreaterThan(0.9)
    })
    expect(work, CLEAR_HAM[0]).toBeLessThan(0.1)
  })

  it('lets unmistakable ham through with confidence', () => {
    const [pitch, ...ham] = spamProbabilities([CLEAR_SPAM[0] as string, ...CLEAR_HAM])
    ham.forEach((p, i) => {
      expect(p, CLEAR_HAM[i]).toBeLessThan(0.1)
    })
    expect(pitch, CLEAR_SPAM[0]).toBeGreaterThan(0.9)
  })

  it('ignores case, punctuation and spacing, which the bag of words does not see', () => {
    const text = CLEAR_SPAM[0] as string
    const variants = [text, text.toLowerCase(), text.replace(/[!,.:$]/g, ' '), text.replace(/ /g, '\n\t ')]
    const [first, ...rest] = spamProbabilities(variants)
    for (const p of rest) expect(p).toBeCloseTo(first as number, 6)
  })

  it('moves towards spam as a sales pitch is added to a work message', () => {
    const pitch = [
      'Click here to order now',
      'and get your FREE gift',
      'with 100% money back guarantee',
      'limited time offer, act now, buy cheap',
    ]
    const texts = pitch.map((_, i) => `${CLEAR_HAM[0]} ${pitch.slice(0, i + 1).join(' ')}`)
    const probabilities = spamProbabilities([CLEAR_HAM[0] as string, ...texts])
    expect(probabilities.at(-1)).toBeGreaterThan(probabilities[0] as number)
    expect(probabilities.at(-1)).toBeGreaterThan(0.5)
  })
})

describe('the test metrics of the trained spam model', () => {
  // Measured with this config and 8 epochs over seeds 42, 7, 1, 3 and 11: test macro-F1 0.960-0.976
  // (accuracy 0.966-0.980). Always answering ham scores 0.41, so 0.94 leaves room for seed and backend
  // noise while a broken extraction, tokenizer or label mapping cannot pass.
  it('reaches a macro-F1 above 0.94 on the held-out test split', () => {
    expect(metrics.test.f1_macro).toBeGreaterThan(0.94)
    expect(metrics.test.accuracy).toBeGreaterThan(0.95)
  })

  it('catches most spam without flagging much ham', () => {
    expect(metrics.test.per_class.spam?.recall).toBeGreaterThan(0.9)
    expect(metrics.test.per_class.ham?.recall).toBeGreaterThan(0.95)
  })
})
