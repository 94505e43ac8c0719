// BatchNormalization in inference mode -> ONNX BatchNormalization over the feature axis, using the
// moving mean and variance; a layer built with center/scale false has no beta/gamma, so 0/1 stand in.
import type { LayerConverter } from './converter-types'
import { floatAttribute } from './graph-builder'
import { configNumber, configValue } from './layer-config'
import { layerWeights, requiredWeight } from './layer-weights'
import { UnsupportedLayerError } from './unsupported-layer-error'

export const batchNormalizationLayer: LayerConverter = (layer) => {
  const axis = configValue(layer, 'axis')
  // The exporter's tensors are [batch, features]: only the feature axis is a channel axis ONNX knows.
  if (axis !== -1 && axis !== 1) {
    throw new UnsupportedLayerError(
      layer,
      `normalizes over axis ${JSON.stringify(axis)}`,
      'BatchNormalization over the last axis (axis -1) of a [batch, features] input',
    )
  }
  const epsilon = configNumber(layer, 'epsilon')
  return (graph, input) => {
    const weights = layerWeights(layer)
    const mean = requiredWeight(layer, weights, 'moving_mean')
    const variance = requiredWeight(layer, weights, 'moving_variance')
    const features = mean.values.length
    const gamma = weights.get('gamma')?.values ?? new Float32Array(features).fill(1)
    const beta = weights.get('beta')?.values ?? new Float32Array(features)
    return graph.node(
      'BatchNormalization',
      [
        input,
        graph.constant('gamma', [features], gamma),
        graph.constant('beta', [features], beta),
        graph.constant('moving_mean', [features], mean.values),
        graph.constant('moving_variance', [features], variance.values),
      ],
      [floatAttribute('epsilon', epsilon)],
    )
  }
}
