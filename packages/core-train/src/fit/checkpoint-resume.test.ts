import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { CheckpointStore } from './checkpoint-store'
import { earlyStopping } from './early-stopping'
import type { EpochLogs } from './epoch-logs'
import { fit } from './fit'
import type { FitCallback, FitOptions } from './fit-types'
import {
  type Blobs,
  maxDifference,
  optimizerValues,
  separableBlobs,
  tinyClassifier,
  weightValues,
} from './separable-blobs.fixture'

let root: string
let train: Blobs
let validation: Blobs

beforeAll(async () => {
  await chooseBackend({ env: {} })
  root = await mkdtemp(join(tmpdir(), 'sagepack-checkpoints-'))
  train = separableBlobs(90, 'train')
  validation = separableBlobs(30, 'validation')
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const EPOCHS = 6

/** A fresh process's view: a new model (with other initial weights), optimizer and callbacks. */
function options(model: tf.LayersModel, extra: Partial<FitOptions> = {}): FitOptions {
  return {
    model,
    x: train.x,
    y: train.y,
    validation: { x: validation.x, y: validation.y },
    epochs: EPOCHS,
    batchSize: 16,
    seed: 5,
    // Never triggers, but its state (best, wait, best weights) must survive the resume, and it restores
    // the best weights at the end of both runs.
    callbacks: [earlyStopping({ patience: 100 })],
    ...extra,
  }
}

function abortWhen(
  controller: AbortController,
  when: { epoch?: number; batchOfEpoch?: [number, number] },
): FitCallback {
  let epoch = 1
  return {
    onBatchEnd: (batch) => {
      if (when.batchOfEpoch && when.batchOfEpoch[0] === epoch && when.batchOfEpoch[1] === batch)
        controller.abort()
    },
    onEpochEnd: (logs) => {
      epoch = logs.epoch + 1
      if (logs.epoch === when.epoch) controller.abort()
    },
  }
}

function expectHistoriesClose(actual: EpochLogs[], expected: EpochLogs[]): void {
  expect(actual.map((logs) => Object.keys(logs))).toEqual(expected.map((logs) => Object.keys(logs)))
  const values = (history: EpochLogs[]) => history.map((logs) => Object.values(logs) as number[])
  expect(maxDifference(values(actual), values(expected))).toBeLessThan(1e-6)
}

describe('fit with checkpoints', () => {
  let straight: { history: EpochLogs[]; weights: number[][]; optimizer: number[][] }

  beforeAll(async () => {
    const model = tinyClassifier(1)
    const result = await fit(options(model))
    straight = {
      history: result.history,
      weights: weightValues(model),
      optimizer: await optimizerValues(model.optimizer),
    }
  })

  it('resumes after an abort at an epoch end exactly where the uninterrupted run would be', async () => {
    const store = new CheckpointStore(join(root, 'after-epoch-3'))
    const controller = new AbortController()
    const first = await fit(
      options(tinyClassifier(1), {
        signal: controller.signal,
        checkpoints: { store, every: 2 },
        callbacks: [earlyStopping({ patience: 100 }), abortWhen(controller, { epoch: 3 })],
      }),
    )
    expect(first).toMatchObject({ interrupted: true, epochsRun: 3, lastEpoch: 3 })

    const resumedModel = tinyClassifier(99)
    const second = await fit(options(resumedModel, { checkpoints: { store, every: 2 } }))
    expect(second).toMatchObject({ interrupted: false, resumedFromEpoch: 3, epochsRun: 3, lastEpoch: 6 })
    expectHistoriesClose(second.history, straight.history)
    // Bit-identical on one backend: Adam's iteration count, moments and bias-correction powers came back
    // exactly (with setWeights alone the powers are recomputed and the weights drift by ~5e-7).
    expect(weightValues(resumedModel)).toEqual(straight.weights)
    expect(await optimizerValues(resumedModel.optimizer)).toEqual(straight.optimizer)
    // Only the latest checkpoint is kept.
    const entries = await readdir(store.dir)
    expect(entries.filter((name) => name !== 'checkpoint.json')).toHaveLength(1)
    expect(entries).toContain('checkpoint.json')
  })

  it('resumes mid-epoch at the batch where it was interrupted', async () => {
    const store = new CheckpointStore(join(root, 'mid-epoch'))
    const controller = new AbortController()
    const first = await fit(
      options(tinyClassifier(1), {
        signal: controller.signal,
        checkpoints: { store, every: 10 },
        callbacks: [earlyStopping({ patience: 100 }), abortWhen(controller, { batchOfEpoch: [2, 3] })],
      }),
    )
    expect(first).toMatchObject({ interrupted: true, epochsRun: 1, lastEpoch: 1 })
    const saved = await store.load()
    expect(saved?.progress?.batchesDone).toBe(3)

    const otherBatches = await fit(
      options(tinyClassifier(42), { batchSize: 8, checkpoints: { store, every: 10 } }),
    )
      .then(() => 'resumed')
      .catch((e: unknown) => String(e))
    expect(otherBatches).toContain(
      'the checkpoint was taken mid-epoch with batchSize 16, but this run has batchSize 8',
    )

    const resumedModel = tinyClassifier(42)
    const second = await fit(options(resumedModel, { checkpoints: { store, every: 10 } }))
    expect(second).toMatchObject({ resumedFromEpoch: 1, lastEpoch: 6 })
    expectHistoriesClose(second.history, straight.history)
    expect(maxDifference(weightValues(resumedModel), straight.weights)).toBeLessThan(1e-6)
  })

  it('returns at once when the checkpointed run had already finished', async () => {
    const store = new CheckpointStore(join(root, 'finished'))
    await fit(options(tinyClassifier(1), { epochs: 2, checkpoints: { store, every: 5 } }))
    const again = await fit(options(tinyClassifier(1), { epochs: 2, checkpoints: { store, every: 5 } }))
    expect(again).toMatchObject({ epochsRun: 0, lastEpoch: 2, resumedFromEpoch: 2, interrupted: false })
    expect(again.history).toHaveLength(2)
  })

  it('does not train past an early stop recorded in the checkpoint', async () => {
    const store = new CheckpointStore(join(root, 'stopped'))
    const stopAt2: FitCallback = {
      onEpochEnd: (logs, control) => (logs.epoch === 2 ? control.stop('done') : undefined),
    }
    await fit(options(tinyClassifier(1), { checkpoints: { store, every: 5 }, callbacks: [stopAt2] }))
    const again = await fit(options(tinyClassifier(1), { checkpoints: { store, every: 5 }, callbacks: [] }))
    expect(again).toMatchObject({ epochsRun: 0, lastEpoch: 2, stoppedEarly: true, stopReason: 'done' })
  })

  it('refuses a checkpoint written for a different architecture', async () => {
    const store = new CheckpointStore(join(root, 'other-model'))
    await fit(options(tinyClassifier(1), { epochs: 1, checkpoints: { store, every: 1 } }))
    const wider = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 16, activation: 'relu' }),
        tf.layers.dense({ units: 3 }),
      ],
    })
    wider.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' })
    const error = await fit(options(wider, { checkpoints: { store, every: 1 } })).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toMatch(
      /the checkpoint was written for a different model: weight 0 .* has shape \[2,8\]/,
    )
  })

  it('names the file when the checkpoint is damaged', async () => {
    const dir = join(root, 'damaged')
    const store = new CheckpointStore(dir)
    await fit(options(tinyClassifier(1), { epochs: 1, checkpoints: { store, every: 1 } }))
    await writeFile(join(dir, 'checkpoint.json'), '{"format": "sagepack-checkpoint/1", "latest": "../x"}')
    const error = await store.load().catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain(`${join(dir, 'checkpoint.json')}: the training checkpoint is damaged`)
    expect(await new CheckpointStore(join(root, 'empty')).load()).toBeNull()
  })
})
