import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { fromCheckpointJson, toCheckpointJson } from './checkpoint-json'
import { earlyStopping } from './early-stopping'
import type { EpochLogs } from './epoch-logs'
import { fit } from './fit'
import type { FitCallback } from './fit-types'
import { separableBlobs, tinyClassifier, weightValues } from './separable-blobs.fixture'

beforeAll(async () => {
  await chooseBackend({ env: {} })
})

/** Feeds epoch logs to a callback as fit would and returns the stop reason, if any. */
function feed(callback: FitCallback, values: number[], key = 'val_loss', firstEpoch = 1): string | undefined {
  let reason: string | undefined
  values.forEach((value, i) => {
    const logs: EpochLogs = { epoch: firstEpoch + i, train_loss: 1, [key]: value }
    const stop = (r: string) => {
      reason ??= r
    }
    if (reason === undefined) callback.onEpochEnd?.(logs, { stop })
  })
  return reason
}

describe('earlyStopping', () => {
  it('stops once the monitored loss has not improved for `patience` epochs', () => {
    const stopped: number[] = []
    const callback = earlyStopping({ patience: 2, restoreBestWeights: false })
    const values = [1, 0.9, 0.95, 0.91, 0.89]
    values.forEach((value, i) => {
      callback.onEpochEnd?.(
        { epoch: i + 1, train_loss: 1, val_loss: value },
        { stop: () => void stopped.push(i + 1) },
      )
    })
    expect(stopped).toEqual([4])
    expect(feed(earlyStopping({ patience: 2, restoreBestWeights: false }), values)).toBe(
      'val_loss did not improve for 2 epochs (best 0.9 at epoch 2)',
    )
  })

  it('ignores improvements smaller than minDelta', () => {
    const callback = earlyStopping({ patience: 2, minDelta: 0.05, restoreBestWeights: false })
    expect(feed(callback, [1, 0.97, 0.96])).toBe('val_loss did not improve for 2 epochs (best 1 at epoch 1)')
  })

  it('maximises metrics not ending in loss in auto mode, and follows an explicit mode', () => {
    const accuracy = earlyStopping({ monitor: 'val_accuracy', patience: 1, restoreBestWeights: false })
    expect(feed(accuracy, [0.5, 0.6, 0.7], 'val_accuracy')).toBeUndefined()
    expect(feed(accuracy, [0.65], 'val_accuracy', 4)).toMatch(/best 0.7 at epoch 3/)
    const minimised = earlyStopping({
      monitor: 'val_error',
      mode: 'min',
      patience: 1,
      restoreBestWeights: false,
    })
    expect(feed(minimised, [0.5, 0.6], 'val_error')).toMatch(/best 0.5 at epoch 1/)
  })

  it('carries its state through a checkpoint', () => {
    const before = earlyStopping({ patience: 3, restoreBestWeights: false })
    expect(feed(before, [1, 0.8, 0.85, 0.9])).toBeUndefined()
    const state = fromCheckpointJson(toCheckpointJson(before.state?.()))
    const after = earlyStopping({ patience: 3, restoreBestWeights: false })
    after.restore?.(state)
    after.onTrainBegin?.({ epochs: 10, batchesPerEpoch: 1, initialEpoch: 4, model: tinyClassifier(1) })
    // Two epochs without improvement already counted: the third stops.
    expect(feed(after, [0.81], 'val_loss', 5)).toBe(
      'val_loss did not improve for 3 epochs (best 0.8 at epoch 2)',
    )
  })

  it('names the missing metric and the available ones', () => {
    const callback = earlyStopping({ patience: 1 })
    const error = (() => {
      try {
        feed(callback, [1], 'train_accuracy')
      } catch (e) {
        return e
      }
    })()
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain('earlyStopping monitor "val_loss": the epoch logs have no such metric')
    expect(String(error)).toContain('expected: one of train_loss, train_accuracy')
    expect(String(error)).toContain('pass validation data')
  })

  it('stops a run whose validation loss rises and restores the best weights', async () => {
    // Validation labels are a rotation of the training ones: the better the model fits the training
    // data, the worse its validation loss gets after the first epoch or two.
    const train = separableBlobs(90, 'train')
    const shifted = separableBlobs(30, 'validation')
    const rotatedY = tf.tidy(() =>
      tf.concat([shifted.y.slice([0, 1], [-1, 2]), shifted.y.slice([0, 0], [-1, 1])], 1),
    )
    const model = tinyClassifier(1, 0.05)
    const snapshots = new Map<number, number[][]>()
    const recorder: FitCallback = {
      onEpochEnd: (logs) => void snapshots.set(logs.epoch, weightValues(model)),
    }
    const result = await fit({
      model,
      x: train.x,
      y: train.y,
      validation: { x: shifted.x, y: rotatedY },
      epochs: 30,
      batchSize: 16,
      seed: 3,
      callbacks: [recorder, earlyStopping({ patience: 2 })],
    })
    const losses = result.history.map((logs) => logs.val_loss as number)
    const bestEpoch = losses.indexOf(Math.min(...losses)) + 1
    expect(result.stoppedEarly).toBe(true)
    expect(result.epochsRun).toBe(bestEpoch + 2)
    expect(result.stopReason).toMatch(
      new RegExp(`^val_loss did not improve for 2 epochs .* at epoch ${bestEpoch}\\)$`),
    )
    expect(losses.at(-1)).toBeGreaterThan(losses[bestEpoch - 1] as number)
    expect(weightValues(model)).toEqual(snapshots.get(bestEpoch))
    expect(weightValues(model)).not.toEqual(snapshots.get(result.lastEpoch))
  })
})
