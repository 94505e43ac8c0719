// A layer's weights by their short name (`kernel`, `bias`, `moving_mean`, …), read as float32
// values. The tensors belong to the model, so they are read, never disposed.
import type * as tf from '@tensorflow/tfjs'

export interface Weight {
  dims: number[]
  values: Float32Array
}

export function layerWeights(layer: tf.layers.Layer): Map<string, Weight> {
  const weights = new Map<string, Weight>()
  for (const variable of layer.weights) {
    // originalName is `<layer>/<weight>` as the layer created it; `name` may carry a suffix that
    // tfjs adds to keep variable names unique across models.
    const short = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1)
    const tensor = variable.read()
    if (tensor.dtype !== 'float32') {
      throw new Error(`layer "${layer.name}": weight ${short} is ${tensor.dtype}, expected float32`)
    }
    weights.set(short, { dims: [...tensor.shape], values: tensor.dataSync() as Float32Array })
  }
  return weights
}

export function requiredWeight(layer: tf.layers.Layer, weights: Map<string, Weight>, short: string): Weight {
  const weight = weights.get(short)
  if (!weight) throw new Error(`layer "${layer.name}" (${layer.getClassName()}) has no weight "${short}"`)
  return weight
}
