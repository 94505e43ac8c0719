// Test fixture for the fit tests: three well-separated 2-D blobs and a tiny seeded MLP that learns them.
import * as tf from '@tensorflow/tfjs'
import seedrandom from 'seedrandom'

export interface Blobs {
  x: tf.Tensor2D
  y: tf.Tensor2D
  labels: number[]
}

const CENTERS: Array<[number, number]> = [
  [-2, 0],
  [2, 0],
  [0, 2.5],
]

export function separableBlobs(n: number, seed: string): Blobs {
  const random = seedrandom(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const points: number[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const label = i % CENTERS.length
    const [cx, cy] = CENTERS[label] as [number, number]
    points.push(cx + 0.5 * gaussian(), cy + 0.5 * gaussian())
    labels.push(label)
  }
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), CENTERS.length).toFloat() as tf.Tensor2D)
  return { x: tf.tensor2d(points, [n, 2]), y, labels }
}

export function tinyClassifier(initSeed: number, learningRate = 0.05): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [2],
        units: 8,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: initSeed }),
      }),
      tf.layers.dense({
        units: CENTERS.length,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: initSeed + 1 }),
      }),
    ],
  })
  model.compile({
    optimizer: tf.train.adam(learningRate),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  })
  return model
}

export function weightValues(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()))
}

export async function optimizerValues(optimizer: tf.Optimizer): Promise<number[][]> {
  const weights = await optimizer.getWeights()
  return weights.map((w) => Array.from(w.tensor.dataSync()))
}

/** Largest absolute difference between two lists of weight arrays of the same shapes. */
export function maxDifference(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY
  let max = 0
  a.forEach((values, i) => {
    const other = b[i] ?? []
    if (other.length !== values.length) max = Number.POSITIVE_INFINITY
    values.forEach((v, j) => {
      max = Math.max(max, Math.abs(v - (other[j] ?? Number.NaN)))
    })
  })
  return max
}
