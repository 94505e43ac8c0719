import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { CheckpointStore } from './checkpoint-store'
import { earlyStopping } from './early-stopping'
import { fit } from './fit'
import type { FitCallback } from './fit-types'
import { type Blobs, separableBlobs, tinyClassifier } from './separable-blobs.fixture'

let train: Blobs
let validation: Blobs

beforeAll(async () => {
  const choice = await chooseBackend({ env: {} })
  expect(choice.backend).toBe('wasm')
  train = separableBlobs(150, 'train')
  validation = separableBlobs(60, 'validation')
})

const baseOptions = (seed = 1) => ({
  x: train.x,
  y: train.y,
  validation: { x: validation.x, y: validation.y },
  batchSize: 16,
  seed,
})

describe('fit', () => {
  it('trains a tiny MLP to high accuracy on separable data', async () => {
    const batchEnds: number[] = []
    const result = await fit({
      ...baseOptions(),
      model: tinyClassifier(1),
      epochs: 15,
      callbacks: [{ onBatchEnd: (batch) => batchEnds.push(batch) }],
    })
    expect(result).toMatchObject({ epochsRun: 15, lastEpoch: 15, stoppedEarly: false, interrupted: false })
    expect(result.resumedFromEpoch).toBeUndefined()
    expect(batchEnds.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1])
    const last = result.history.at(-1)
    expect(Object.keys(last ?? {})).toEqual([
      'epoch',
      'train_loss',
      'train_accuracy',
      'val_loss',
      'val_accuracy',
    ])
    expect(last?.epoch).toBe(15)
    expect(last?.train_accuracy).toBeGreaterThan(0.9)
    expect(last?.val_accuracy).toBeGreaterThan(0.9)
    expect(last?.val_loss).toBeLessThan(result.history[0]?.val_loss ?? 0)
  })

  it('reports train metrics averaged over batches weighted by batch size', async () => {
    // 150 rows in batches of 100 and 50: a plain mean of the two batch losses would differ.
    const model = tinyClassifier(3)
    const batchLosses: number[] = []
    const original = model.trainOnBatch.bind(model)
    model.trainOnBatch = async (x, y) => {
      const values = await original(x, y)
      batchLosses.push((values as number[])[0] as number)
      return values
    }
    const result = await fit({ ...baseOptions(), model, epochs: 1, batchSize: 100 })
    const [first, second] = batchLosses as [number, number]
    expect(result.history[0]?.train_loss).toBeCloseTo((first * 100 + second * 50) / 150, 10)
  })

  it('gives identical histories for the same seed and different ones for another seed', async () => {
    const run = (seed: number) => fit({ ...baseOptions(seed), model: tinyClassifier(7), epochs: 4 })
    const [a, b, c] = [await run(11), await run(11), await run(12)]
    expect(b.history).toEqual(a.history)
    expect(c.history).not.toEqual(a.history)
  })

  it('stops after the current batch when the signal aborts, and says it was interrupted', async () => {
    const controller = new AbortController()
    const abortAtEpoch2: FitCallback = {
      onEpochEnd: (logs) => {
        if (logs.epoch === 2) controller.abort()
      },
    }
    const ended: boolean[] = []
    const result = await fit({
      ...baseOptions(),
      model: tinyClassifier(1),
      epochs: 10,
      signal: controller.signal,
      callbacks: [abortAtEpoch2, { onTrainEnd: (r) => void ended.push(r.interrupted) }],
    })
    expect(result).toMatchObject({ interrupted: true, epochsRun: 2, lastEpoch: 2, stoppedEarly: false })
    expect(result.history).toHaveLength(2)
    expect(ended).toEqual([true])
  })

  it('lets a signal raised from a timer (as by a SIGTERM handler) interrupt a running fit', async () => {
    const controller = new AbortController()
    let batches = 0
    const result = await fit({
      ...baseOptions(),
      model: tinyClassifier(1),
      epochs: 500,
      signal: controller.signal,
      callbacks: [
        {
          onBatchEnd: () => {
            if (++batches === 1) setTimeout(() => controller.abort(), 0)
          },
        },
      ],
    })
    expect(result.interrupted).toBe(true)
    expect(result.epochsRun).toBeLessThan(5)
  })

  it('honours control.stop from a callback', async () => {
    const result = await fit({
      ...baseOptions(),
      model: tinyClassifier(1),
      epochs: 10,
      callbacks: [{ onEpochEnd: (logs, control) => (logs.epoch === 3 ? control.stop('enough') : undefined) }],
    })
    expect(result).toMatchObject({
      epochsRun: 3,
      stoppedEarly: true,
      stopReason: 'enough',
      interrupted: false,
    })
  })

  it('leaves no tensors behind, with validation, early stopping and checkpoints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sagepack-fit-leak-'))
    try {
      const model = tinyClassifier(1)
      // The first epoch creates Adam's moment variables, which live as long as the optimizer.
      await fit({ ...baseOptions(), model, epochs: 1 })
      const before = tf.memory().numTensors
      const store = new CheckpointStore(dir)
      await fit({
        ...baseOptions(),
        model,
        epochs: 3,
        callbacks: [earlyStopping({ patience: 5 })],
        checkpoints: { store, every: 1 },
      })
      const resumed = await fit({ ...baseOptions(), model, epochs: 4, checkpoints: { store, every: 1 } })
      expect(resumed.resumedFromEpoch).toBe(3)
      expect(tf.memory().numTensors).toBe(before)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('rejects bad options with errors naming the option', async () => {
    const model = tinyClassifier(1)
    const bad = await fit({ ...baseOptions(), model, epochs: 1, batchSize: 0 }).catch((e: unknown) => e)
    expect(isUserError(bad)).toBe(true)
    expect(String(bad)).toContain('fit batchSize: got 0')
    const short = await fit({ ...baseOptions(), model, epochs: 1, y: validation.y }).catch((e: unknown) => e)
    expect(String(short)).toContain('fit y: 60 labels for 150 rows of x')
    const uncompiled = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3 })] })
    await expect(fit({ ...baseOptions(), model: uncompiled, epochs: 1 })).rejects.toThrow(/compile the model/)
    const unnamed: FitCallback = { state: () => 1 }
    await expect(fit({ ...baseOptions(), model, epochs: 1, callbacks: [unnamed] })).rejects.toThrow(
      /needs a name/,
    )
  })
})
