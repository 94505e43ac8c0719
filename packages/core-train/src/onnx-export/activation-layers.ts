// The layers whose only job is an activation: Activation, ReLU (optionally capped), LeakyReLU, ELU,
// ThresholdedReLU, PReLU (learned slopes) and Softmax over the last axis.

import { activationNodes } from './activation-nodes'
import type { LayerConverter } from './converter-types'
import { floatAttribute, intAttribute } from './graph-builder'
import { configNumber, configString, configValue } from './layer-config'
import { layerWeights, requiredWeight } from './layer-weights'
import { UnsupportedLayerError } from './unsupported-layer-error'

export const activationLayer: LayerConverter = (layer) =>
  activationNodes(layer, configString(layer, 'activation'))

export const reluLayer: LayerConverter = (layer) => {
  const maxValue = configValue(layer, 'maxValue')
  if (maxValue == null) return (graph, input) => graph.node('Relu', [input])
  const cap = configNumber(layer, 'maxValue')
  // tfjs clips relu(x) to [0, maxValue], which is Clip(x, 0, maxValue).
  return (graph, input) =>
    graph.node('Clip', [input, graph.constant('min', [], [0]), graph.constant('max', [], [cap])])
}

export const leakyReluLayer: LayerConverter = (layer) => {
  const alpha = configNumber(layer, 'alpha')
  return (graph, input) => graph.node('LeakyRelu', [input], [floatAttribute('alpha', alpha)])
}

export const eluLayer: LayerConverter = (layer) => {
  const alpha = configNumber(layer, 'alpha', 1)
  return (graph, input) => graph.node('Elu', [input], [floatAttribute('alpha', alpha)])
}

export const thresholdedReluLayer: LayerConverter = (layer) => {
  const theta = configNumber(layer, 'theta')
  return (graph, input) => graph.node('ThresholdedRelu', [input], [floatAttribute('alpha', theta)])
}

export const preluLayer: LayerConverter = (layer) => (graph, input) => {
  // alpha is [features] (or [1] with shared axes): unidirectionally broadcastable to [batch, features].
  const alpha = requiredWeight(layer, layerWeights(layer), 'alpha')
  return graph.node('PRelu', [input, graph.constant('alpha', alpha.dims, alpha.values)])
}

export const softmaxLayer: LayerConverter = (layer) => {
  const axis = configValue(layer, 'axis')
  const axes = Array.isArray(axis) ? axis : [axis ?? -1]
  // On [batch, features], axis 1 is the last axis; any other axis would normalize across the batch.
  if (axes.length !== 1 || (axes[0] !== -1 && axes[0] !== 1)) {
    throw new UnsupportedLayerError(
      layer,
      `takes the softmax over axis ${JSON.stringify(axis)}`,
      'Softmax over the last axis (axis -1) of a [batch, features] input',
    )
  }
  return (graph, input) => graph.node('Softmax', [input], [intAttribute('axis', -1)])
}
