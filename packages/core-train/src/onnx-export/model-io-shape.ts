// The [batch, features] -> [batch, outputs] shape the exporter requires of a model, read from its
// symbolic input and output; anything else (images, sequences) is rejected naming the layer.
import type * as tf from '@tensorflow/tfjs'
import { UnsupportedLayerError } from './unsupported-layer-error'

export interface ModelIoShape {
  features: number
  outputs: number
}

export function modelIoShape(model: tf.LayersModel): ModelIoShape {
  return { features: rowWidth(model.inputs[0], 'input'), outputs: rowWidth(model.outputs[0], 'output') }
}

function rowWidth(tensor: tf.SymbolicTensor | undefined, role: 'input' | 'output'): number {
  if (!tensor) throw new Error(`the model has no ${role}`)
  const width = tensor.shape[1]
  if (tensor.shape.length !== 2 || typeof width !== 'number') {
    throw new UnsupportedLayerError(
      tensor.sourceLayer,
      `has ${role} shape ${JSON.stringify(tensor.shape)}`,
      `a 2-D ${role} [batch, ${role === 'input' ? 'features' : 'outputs'}]`,
    )
  }
  return width
}
