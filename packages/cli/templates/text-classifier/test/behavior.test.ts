// Behavioural tests on a model trained by the real local pipeline with the default config: messages
// whose queue is not in doubt, in words the training data never used, and changes to a message that
// must not change its queue. They hold for any data with the same meaning, not one lucky split.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { loadTrainedModel, predictRows, type TrainedModel, trainLocally } from '@sagepack/core-train'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUEUES } from '../train/schema'

const WORKSPACE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

const runsRoot = mkdtempSync(join(tmpdir(), 'behavior-runs-'))
afterAll(() => rmSync(runsRoot, { recursive: true, force: true }))

let trained: TrainedModel

beforeAll(async () => {
  let log = ''
  const output = new PassThrough().on('data', (chunk) => {
    log += chunk
  })
  const result = await trainLocally({
    workspaceRoot: WORKSPACE_ROOT,
    model: '__MODEL_NAME__',
    runsRoot,
    stdout: output,
    stderr: output,
  })
  expect(result.status, log).toBe('completed')
  trained = await loadTrainedModel(join(result.runDir, 'model'))
}, 120_000)

function routed(messages: string[]) {
  return predictRows(
    trained,
    messages.map((message) => ({ message })),
  ).map((p) => {
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
    routed(cases.map((c) => c.message)).forEach((result, i) => {
      expect(result.queue, cases[i]?.message).toBe(cases[i]?.queue)
      expect(result.confidence, cases[i]?.message).toBeGreaterThan(0.6)
    })
  })

  it('ignores case and punctuation', () => {
    const [plain, shouted] = predictRows(trained, [
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
