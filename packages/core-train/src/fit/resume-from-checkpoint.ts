// Puts a loaded checkpoint back into the model, its optimizer and the callbacks, after checking that it
// was written for a model of the same shape.
import { UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { restoreCallbackStates } from './callback-states'
import type { LoadedCheckpoint, NamedTensor } from './checkpoint-store'
import type { FitCallback } from './fit-types'
import { writeOptimizerExtras } from './optimizer-extra-state'

export async function resumeFromCheckpoint(
  checkpoint: LoadedCheckpoint,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  callbacks: FitCallback[],
): Promise<void> {
  try {
    checkSameModel(checkpoint, model, optimizer)
    model.setWeights(checkpoint.modelWeights.map((w) => w.tensor))
    await replaceOptimizerWeights(optimizer, checkpoint.optimizerWeights)
    writeOptimizerExtras(optimizer, checkpoint.optimizerExtras)
    restoreCallbackStates(callbacks, checkpoint.callbackState)
  } finally {
    // The model and optimizer variables keep their own references to the data.
    tf.dispose([...checkpoint.modelWeights, ...checkpoint.optimizerWeights].map((w) => w.tensor))
  }
}

/**
 * tfjs optimizers' setWeights swaps in new variables without disposing the old ones, which leaks them
 * when a model is resumed in the same process; dispose whatever the optimizer no longer holds.
 */
async function replaceOptimizerWeights(optimizer: tf.Optimizer, weights: NamedTensor[]): Promise<void> {
  const before = await optimizer.getWeights()
  await optimizer.setWeights(weights)
  const after = await optimizer.getWeights()
  const kept = new Set(after.map((w) => w.tensor.id))
  tf.dispose(before.filter((w) => !kept.has(w.tensor.id)).map((w) => w.tensor))
  // getWeights() builds a fresh iteration-count scalar on every call.
  tf.dispose(after.filter((w) => w.name === 'iter').map((w) => w.tensor))
}

function checkSameModel(checkpoint: LoadedCheckpoint, model: tf.LayersModel, optimizer: tf.Optimizer): void {
  const expected = model.weights
  const mismatch = (problem: string) =>
    new UserError({
      input: checkpoint.path,
      problem: `the checkpoint was written for a different model: ${problem}`,
      expected: 'a checkpoint of this model architecture and optimizer',
      fix: 'use a fresh checkpoint directory (or delete this one) after changing the model or its optimizer',
    })
  if (checkpoint.modelWeights.length !== expected.length) {
    throw mismatch(
      `it holds ${checkpoint.modelWeights.length} weight tensors, the model has ${expected.length}`,
    )
  }
  checkpoint.modelWeights.forEach((saved, i) => {
    const target = expected[i]
    if (target && !sameShape(saved.tensor.shape, target.shape)) {
      throw mismatch(
        `weight ${i} (${saved.name}) has shape [${saved.tensor.shape}], the model's ${target.originalName} has [${target.shape}]`,
      )
    }
  })
  if (checkpoint.optimizerClass !== optimizer.getClassName()) {
    throw mismatch(
      `it was trained with ${checkpoint.optimizerClass}, the model is compiled with ${optimizer.getClassName()}`,
    )
  }
}

function sameShape(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i])
}
