// Which tfjs layer classes the ONNX exporter translates, and how: one converter per class name.
import type * as tf from '@tensorflow/tfjs'
import {
  activationLayer,
  eluLayer,
  leakyReluLayer,
  preluLayer,
  reluLayer,
  softmaxLayer,
  thresholdedReluLayer,
} from './activation-layers'
import { batchNormalizationLayer } from './batch-normalization-layer'
import { emitNothing, type LayerConverter } from './converter-types'
import { denseLayer } from './dense-layer'
import { UnsupportedLayerError } from './unsupported-layer-error'

const identity: LayerConverter = () => emitNothing

const CONVERTERS = new Map<string, LayerConverter>([
  ['InputLayer', identity],
  ['Dense', denseLayer],
  ['Activation', activationLayer],
  ['ReLU', reluLayer],
  ['LeakyReLU', leakyReluLayer],
  ['ELU', eluLayer],
  ['ThresholdedReLU', thresholdedReluLayer],
  ['PReLU', preluLayer],
  ['Softmax', softmaxLayer],
  ['BatchNormalization', batchNormalizationLayer],
  // Noise and dropout layers pass their input through unchanged outside training.
  ['Dropout', identity],
  ['AlphaDropout', identity],
  ['GaussianDropout', identity],
  ['GaussianNoise', identity],
])

export const SUPPORTED_LAYERS: readonly string[] = [...CONVERTERS.keys()]

/** The converter for `layer`'s class, or UnsupportedLayerError naming the layer. */
export function converterFor(layer: tf.layers.Layer): LayerConverter {
  const className = layer.getClassName()
  const converter = CONVERTERS.get(className)
  if (converter) return converter
  throw new UnsupportedLayerError(
    layer,
    'has no ONNX export',
    `a model built only from ${SUPPORTED_LAYERS.join(', ')}`,
  )
}
