// Test fixture for the ONNX export tests: small tfjs models with seeded weights, briefly trained on
// seeded random rows so weights, biases and moving statistics are not their initial values.
import * as tf from '@tensorflow/tfjs'
import seedrandom from 'seedrandom'

/** `rows` rows of `width` values uniform in [-spread, spread], the same for the same seed. */
export function seededRows(rows: number, width: number, seed: string, spread = 3): Float32Array {
  const random = seedrandom(seed)
  return Float32Array.from({ length: rows * width }, () => (2 * random() - 1) * spread)
}

/** Seeded initializers, so a model built twice with the same seed has the same weights. */
export const kernel = (seed: number) => tf.initializers.glorotUniform({ seed })
export const randomVector = (seed: number, mean = 0) =>
  tf.initializers.randomNormal({ mean, stddev: 0.5, seed })

export type Task = 'classification' | 'regression'

/** A few epochs of Adam on seeded random rows and targets (one-hot classes or real values). */
export async function trainBriefly(
  model: tf.LayersModel,
  task: Task,
  seed: string,
  epochs = 5,
): Promise<void> {
  const [features, outputs] = [model.inputs[0]?.shape[1], model.outputs[0]?.shape[1]]
  if (typeof features !== 'number' || typeof outputs !== 'number')
    throw new Error('expected a [batch, n] model')
  const rows = 96
  const x = tf.tensor2d(seededRows(rows, features, `${seed}/x`), [rows, features])
  const targets = seededRows(rows, outputs, `${seed}/y`)
  const y =
    task === 'classification'
      ? tf.tidy(() => tf.oneHot(tf.tensor2d(targets, [rows, outputs]).argMax(1), outputs).toFloat())
      : tf.tensor2d(targets, [rows, outputs])
  model.compile({
    optimizer: tf.train.adam(0.01),
    loss: task === 'classification' ? 'categoricalCrossentropy' : 'meanSquaredError',
  })
  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 })
  tf.dispose([x, y])
}

/** Like the iris model: 4 features, hidden [16, 16] relu, 3 classes softmax. */
export function irisMlp(seed = 1): tf.LayersModel {
  return tf.sequential({
    name: 'iris',
    layers: [
      tf.layers.dense({
        name: 'hidden_1',
        inputShape: [4],
        units: 16,
        activation: 'relu',
        kernelInitializer: kernel(seed),
      }),
      tf.layers.dense({
        name: 'hidden_2',
        units: 16,
        activation: 'relu',
        kernelInitializer: kernel(seed + 1),
      }),
      tf.layers.dense({
        name: 'classes',
        units: 3,
        activation: 'softmax',
        kernelInitializer: kernel(seed + 2),
      }),
    ],
  })
}

/** One Dense layer with `activation`, and a random (not zero) bias so both sides of 0 are reached. */
export function denseWith(activation: string, seed = 7): tf.LayersModel {
  return tf.sequential({
    name: `dense_${activation}`,
    layers: [
      tf.layers.dense({
        name: 'projection',
        inputShape: [5],
        units: 8,
        // The activation names are tfjs's own; the union type in tfjs's typings lags behind them.
        activation: activation as 'linear',
        kernelInitializer: kernel(seed),
        biasInitializer: randomVector(seed + 1),
      }),
    ],
  })
}

/** A linear Dense layer followed by `layer`, to test a layer that only applies an activation. */
export function denseThen(layer: tf.layers.Layer, seed = 11): tf.LayersModel {
  return tf.sequential({
    name: `dense_then_${layer.getClassName()}`,
    layers: [
      tf.layers.dense({
        name: 'projection',
        inputShape: [5],
        units: 6,
        kernelInitializer: kernel(seed),
        biasInitializer: randomVector(seed + 1),
      }),
      layer,
    ],
  })
}

/** Dense -> BatchNormalization -> relu -> Dense softmax, with a fast-moving average. */
export function batchNormMlp(options: { center?: boolean; scale?: boolean }, seed = 21): tf.LayersModel {
  return tf.sequential({
    name: 'batch_norm_mlp',
    layers: [
      tf.layers.dense({ name: 'hidden', inputShape: [6], units: 8, kernelInitializer: kernel(seed) }),
      tf.layers.batchNormalization({
        name: 'normalize',
        momentum: 0.5,
        ...options,
        gammaInitializer: randomVector(seed + 1, 1),
        betaInitializer: randomVector(seed + 2),
      }),
      tf.layers.activation({ name: 'nonlinear', activation: 'relu' }),
      tf.layers.dense({
        name: 'classes',
        units: 3,
        activation: 'softmax',
        kernelInitializer: kernel(seed + 3),
      }),
    ],
  })
}
