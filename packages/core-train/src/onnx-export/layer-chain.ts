// The layers from a model's one input to its one output, in order, for models that are a plain chain:
// every Sequential model, and functional models without branches, merges or extra inputs.
import type * as tf from '@tensorflow/tfjs'
import { UnsupportedLayerError } from './unsupported-layer-error'

export function layerChain(model: tf.LayersModel): tf.layers.Layer[] {
  // A Sequential model without layers has no inputs or outputs at all, despite the typings.
  const inputs = model.inputs ?? []
  const outputs = model.outputs ?? []
  const [input] = inputs
  const [output] = outputs
  if (!input || !output || inputs.length !== 1 || outputs.length !== 1) {
    throw new UnsupportedLayerError(
      model,
      `has ${inputs.length} inputs and ${outputs.length} outputs`,
      'a model with one input and one output',
    )
  }
  // Walking back from the output through each tensor's own node (not layer.inboundNodes[0]) stays
  // right when a layer is shared with another model.
  const layers: tf.layers.Layer[] = []
  let tensor: tf.SymbolicTensor = output
  while (tensor !== input) {
    const layer: tf.layers.Layer = tensor.sourceLayer
    const layerInputs: tf.SymbolicTensor[] = layer.inboundNodes[tensor.nodeIndex]?.inputTensors ?? []
    const [previous] = layerInputs
    if (!previous || layerInputs.length !== 1) {
      throw new UnsupportedLayerError(
        layer,
        `takes ${layerInputs.length} inputs`,
        "a chain of layers that each take the previous layer's one output",
      )
    }
    layers.push(layer)
    tensor = previous
  }
  return layers.reverse()
}
