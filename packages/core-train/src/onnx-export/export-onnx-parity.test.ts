import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { SUPPORTED_ACTIVATIONS } from './activation-nodes'
import { checkOnnxParity } from './check-onnx-parity'
import { exportOnnx } from './export-onnx'
import {
  batchNormMlp,
  denseThen,
  denseWith,
  irisMlp,
  kernel,
  randomVector,
  seededRows,
  trainBriefly,
} from './onnx-test-models.fixture'

const TOLERANCE = 1e-5

beforeAll(async () => {
  expect((await chooseBackend({ env: {} })).backend).toBe('wasm')
})

/** Exports `model` and compares onnxruntime with tfjs on 1 row and on 64 rows (the symbolic batch). */
async function expectParity(model: tf.LayersModel, seed: string): Promise<number> {
  const bytes = exportOnnx(model)
  const width = model.inputs[0]?.shape[1]
  if (typeof width !== 'number') throw new Error('expected a [batch, features] model')
  const rows = seededRows(64, width, seed)
  const one = await checkOnnxParity(bytes, model, rows.subarray(0, width), 1)
  const many = await checkOnnxParity(bytes, model, rows, 64)
  expect(one.rows).toBe(1)
  expect(many.rows).toBe(64)
  expect(one.maxAbsDiff).toBeLessThan(TOLERANCE)
  expect(many.maxAbsDiff).toBeLessThan(TOLERANCE)
  return Math.max(one.maxAbsDiff, many.maxAbsDiff)
}

function movingStatistics(layer: tf.layers.Layer): [number[], number[]] {
  const read = (suffix: string) => [
    ...(layer.weights
      .find((w) => w.originalName.endsWith(suffix))
      ?.read()
      .dataSync() ?? []),
  ]
  return [read('moving_mean'), read('moving_variance')]
}

describe('exportOnnx parity with tfjs (onnxruntime-node, max |diff| over every row)', () => {
  it('an iris-like MLP (4 -> 16 relu -> 16 relu -> 3 softmax) after training', async () => {
    const model = irisMlp()
    await trainBriefly(model, 'classification', 'iris')
    await expectParity(model, 'iris rows')
  })

  it.each(SUPPORTED_ACTIVATIONS)('Dense with activation %s', async (activation) => {
    await expectParity(denseWith(activation), `activation ${activation}`)
  })

  it.each([
    ['Activation selu', () => tf.layers.activation({ name: 'act', activation: 'selu' })],
    ['ReLU', () => tf.layers.reLU({ name: 'relu' })],
    ['ReLU with maxValue', () => tf.layers.reLU({ name: 'relu_capped', maxValue: 0.5 })],
    ['LeakyReLU', () => tf.layers.leakyReLU({ name: 'leaky', alpha: 0.1 })],
    ['ELU', () => tf.layers.elu({ name: 'elu' })],
    ['ThresholdedReLU', () => tf.layers.thresholdedReLU({ name: 'thresholded', theta: 0.3 })],
    ['PReLU', () => tf.layers.prelu({ name: 'prelu', alphaInitializer: randomVector(3, 0.2) })],
    ['Softmax', () => tf.layers.softmax({ name: 'softmax' })],
    ['Softmax axis -1', () => tf.layers.softmax({ name: 'softmax_last', axis: -1 })],
  ])('a Dense layer followed by %s', async (_label, layer) => {
    await expectParity(denseThen(layer()), 'activation layer')
  })

  it('a model with Dropout and the noise layers, which are identity at inference', async () => {
    const model = tf.sequential({
      name: 'noisy',
      layers: [
        tf.layers.dense({
          name: 'hidden',
          inputShape: [4],
          units: 12,
          activation: 'relu',
          kernelInitializer: kernel(31),
        }),
        tf.layers.dropout({ name: 'drop', rate: 0.5, seed: 32 }),
        tf.layers.gaussianNoise({ name: 'noise', stddev: 0.3 }),
        tf.layers.gaussianDropout({ name: 'gaussian_drop', rate: 0.2 }),
        tf.layers.alphaDropout({ name: 'alpha_drop', rate: 0.2 }),
        tf.layers.dense({ name: 'classes', units: 3, activation: 'softmax', kernelInitializer: kernel(33) }),
        tf.layers.dropout({ name: 'drop_last', rate: 0.1 }),
      ],
    })
    await trainBriefly(model, 'classification', 'noisy')
    await expectParity(model, 'noisy rows')
  })

  it('BatchNormalization with moving statistics moved by training', async () => {
    const model = batchNormMlp({})
    await trainBriefly(model, 'classification', 'batch norm')
    const [movingMean, movingVariance] = movingStatistics(model.getLayer('normalize'))
    // The moving statistics start at 0 and 1; the test is only worth something once they moved.
    expect(Math.max(...movingMean.map(Math.abs))).toBeGreaterThan(0.05)
    expect(Math.max(...movingVariance.map((v) => Math.abs(v - 1)))).toBeGreaterThan(0.05)
    await expectParity(model, 'batch norm rows')
  })

  // tfjs 4.22 cannot train these (BatchNormalization.call reads the missing gamma/beta when
  // training), so the statistics a training run would leave are written in directly.
  it.each([
    ['center: false', { center: false }],
    ['scale: false', { scale: false }],
    ['center: false, scale: false', { center: false, scale: false }],
  ])('BatchNormalization (%s) with non-trivial moving statistics', async (_label, options) => {
    const model = batchNormMlp(options)
    const normalize = model.getLayer('normalize')
    normalize.setWeights(
      normalize.weights.map((weight, i) => {
        const values = seededRows(1, weight.shape[0] ?? 0, `batch norm weight ${i}`, 0.8)
        // Variances must be positive; the rest may take either sign.
        return tf.tensor1d(weight.originalName.endsWith('variance') ? values.map((v) => v + 1) : values)
      }),
    )
    const [movingMean, movingVariance] = movingStatistics(normalize)
    expect(Math.max(...movingMean.map(Math.abs))).toBeGreaterThan(0.05)
    expect(Math.max(...movingVariance.map((v) => Math.abs(v - 1)))).toBeGreaterThan(0.05)
    await expectParity(model, 'batch norm rows')
  })

  it('a regression MLP with a linear output', async () => {
    const model = tf.sequential({
      name: 'regression',
      layers: [
        tf.layers.dense({
          name: 'hidden',
          inputShape: [3],
          units: 8,
          activation: 'tanh',
          kernelInitializer: kernel(41),
        }),
        tf.layers.dense({ name: 'value', units: 1, kernelInitializer: kernel(42) }),
      ],
    })
    await trainBriefly(model, 'regression', 'regression')
    await expectParity(model, 'regression rows')
  })

  it('Dense layers without a bias', async () => {
    const model = tf.sequential({
      name: 'no_bias',
      layers: [
        tf.layers.dense({
          name: 'hidden',
          inputShape: [5],
          units: 7,
          activation: 'sigmoid',
          useBias: false,
          kernelInitializer: kernel(51),
        }),
        tf.layers.dense({
          name: 'classes',
          units: 2,
          activation: 'softmax',
          useBias: false,
          kernelInitializer: kernel(52),
        }),
      ],
    })
    await trainBriefly(model, 'classification', 'no bias')
    await expectParity(model, 'no bias rows')
  })

  it('a functional model that is a plain chain', async () => {
    const input = tf.input({ name: 'features', shape: [4] })
    const hidden = tf.layers
      .dense({ name: 'hidden', units: 8, activation: 'elu', kernelInitializer: kernel(61) })
      .apply(input)
    const output = tf.layers
      .dense({ name: 'classes', units: 3, activation: 'softmax', kernelInitializer: kernel(62) })
      .apply(hidden)
    const model = tf.model({ name: 'functional', inputs: input, outputs: output as tf.SymbolicTensor })
    await trainBriefly(model, 'classification', 'functional')
    await expectParity(model, 'functional rows')
  })

  it('a model that is identity at inference (an Identity node carries the input to the output)', async () => {
    const model = tf.sequential({
      name: 'identity',
      layers: [tf.layers.dropout({ inputShape: [3], rate: 0.5 })],
    })
    await expectParity(model, 'identity rows')
  })
})
