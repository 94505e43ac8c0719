// A multilayer perceptron for tabular/text features, with seeded initial weights so the same seed
// gives the same model, compiled for the task (softmax + cross-entropy, or linear + MSE).
import { type Task, UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import type { HiddenActivation } from './supervised-settings'

export interface MlpOptions {
  task: Task
  inputWidth: number
  /** Classes for classification, 1 for regression. */
  outputs: number
  hiddenUnits: readonly number[]
  activation: HiddenActivation
  dropout: number
  learningRate: number
  seed: number
}

export function buildMlp(options: MlpOptions): tf.LayersModel {
  for (const units of options.hiddenUnits) {
    if (!Number.isInteger(units) || units < 1) {
      throw new UserError({
        input: `model.hiddenUnits=${JSON.stringify(options.hiddenUnits)}`,
        problem: `${JSON.stringify(units)} is not a layer size`,
        expected: 'a list of positive integers, e.g. [16, 16]',
        fix: 'pass --set model.hiddenUnits=[16,16]',
      })
    }
  }
  if (!(options.dropout >= 0 && options.dropout < 1)) {
    throw new UserError({
      input: `model.dropout=${options.dropout}`,
      problem: 'is out of range',
      expected: 'a rate in [0, 1)',
    })
  }
  const model = tf.sequential({ name: 'mlp' })
  let layer = 0
  const dense = (units: number, activation: 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'linear') =>
    tf.layers.dense({
      units,
      activation,
      name: `dense_${++layer}`,
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + layer }),
      ...(layer === 1 ? { inputShape: [options.inputWidth] } : {}),
    })
  for (const units of options.hiddenUnits) {
    model.add(dense(units, options.activation))
    if (options.dropout > 0) {
      model.add(
        tf.layers.dropout({
          rate: options.dropout,
          seed: options.seed + 1000 + layer,
          name: `dropout_${layer}`,
        }),
      )
    }
  }
  const classification = options.task === 'classification'
  model.add(dense(options.outputs, classification ? 'softmax' : 'linear'))
  model.compile({
    optimizer: tf.train.adam(options.learningRate),
    loss: classification ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: classification ? ['accuracy'] : [],
  })
  return model
}
