// Trains the batches of one epoch with model.trainOnBatch in the epoch's seeded order, starting where a
// checkpoint left off and stopping between batches when the abort signal fires.
import * as tf from '@tensorflow/tfjs'
import type { EpochProgress } from './epoch-logs'
import { addBatch } from './epoch-metrics'
import { epochOrder } from './epoch-order'
import type { FitCallback } from './fit-types'

export interface EpochRun {
  model: tf.LayersModel
  x: tf.Tensor2D
  y: tf.Tensor
  batchSize: number
  seed: number
  epoch: number
  metricNames: string[]
  callbacks: FitCallback[]
  signal: AbortSignal | undefined
}

/** `completed: false` when aborted; `progress` then holds the batches trained so far. */
export async function trainEpoch(
  run: EpochRun,
  start: EpochProgress | undefined,
): Promise<{ completed: boolean; progress: EpochProgress }> {
  const n = run.x.shape[0]
  const batches = Math.ceil(n / run.batchSize)
  const order = epochOrder(n, run.seed, run.epoch)
  const progress: EpochProgress = start
    ? { ...start, sums: { ...start.sums } }
    : { seed: run.seed, batchSize: run.batchSize, rows: n, batchesDone: 0, samples: 0, sums: {} }
  for (let batch = progress.batchesDone; batch < batches; batch++) {
    await yieldToEventLoop()
    if (run.signal?.aborted) return { completed: false, progress }
    const indices = order.subarray(batch * run.batchSize, Math.min(n, (batch + 1) * run.batchSize))
    const values = await trainBatch(run, indices)
    addBatch(progress, run.metricNames, values, indices.length)
    for (const callback of run.callbacks) callback.onBatchEnd?.(batch + 1, batches)
  }
  return { completed: true, progress }
}

async function trainBatch(run: EpochRun, indices: Int32Array): Promise<number[]> {
  const [xBatch, yBatch] = tf.tidy(() => {
    const picked = tf.tensor1d(indices, 'int32')
    return [tf.gather(run.x, picked), tf.gather(run.y, picked)]
  })
  try {
    const values = await run.model.trainOnBatch(xBatch, yBatch)
    return Array.isArray(values) ? values : [values]
  } finally {
    tf.dispose([xBatch, yBatch])
  }
}

/**
 * On the cpu and wasm backends a batch resolves through microtasks only, so without a macrotask turn
 * a SIGTERM handler (and with it the abort signal) would not run until training had finished.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
