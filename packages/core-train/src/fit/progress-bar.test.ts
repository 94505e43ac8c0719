import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { FitCallback } from './fit-types'
import { progressBar } from './progress-bar'

function captureStream(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return Object.assign(stream, { isTTY, columns: 100, text: () => chunks.join('') })
}

function runTwoEpochs(callback: FitCallback): void {
  // The model is not used by the progress bar.
  callback.onTrainBegin?.({ epochs: 2, batchesPerEpoch: 3, initialEpoch: 0, model: undefined as never })
  for (const epoch of [1, 2]) {
    for (const batch of [1, 2, 3]) callback.onBatchEnd?.(batch, 3)
    callback.onEpochEnd?.({ epoch, train_loss: 1 }, { stop: () => {} })
  }
  callback.onTrainEnd?.({ epochsRun: 2, lastEpoch: 2, history: [], stoppedEarly: false, interrupted: false })
}

describe('progressBar', () => {
  it('draws a bar per slow epoch on a terminal', () => {
    const stream = captureStream(true)
    let clock = 0
    // Every batch takes a second, so the bar appears after the first one.
    const callback = progressBar({ stream, now: () => (clock += 1000) })
    runTwoEpochs(callback)
    expect(stream.text()).toContain('epoch 1/2')
    expect(stream.text()).toContain('epoch 2/2')
    expect(stream.text()).toContain('3/3 batches')
  })

  it('stays silent for epochs quicker than showAfterMs', () => {
    const stream = captureStream(true)
    runTwoEpochs(progressBar({ stream, now: () => 0 }))
    expect(stream.text()).toBe('')
  })

  it('writes nothing when the stream is not a terminal', () => {
    const stream = captureStream(false)
    runTwoEpochs(progressBar({ stream }))
    expect(stream.text()).toBe('')
  })
})
