// The ONNX nodes (opset 13) for each tfjs activation, written to compute what tfjs computes, with
// tfjs's own constants (selu, hardSigmoid, gelu), so exported and trained models agree.
import type * as tf from '@tensorflow/tfjs'
import { type EmitNodes, emitNothing } from './converter-types'
import { floatAttribute, intAttribute } from './graph-builder'
import { UnsupportedLayerError } from './unsupported-layer-error'

// tfjs-core's selu constants (alpha and scale of Klambauer et al.), not ONNX's float32 defaults.
const SELU_ALPHA = 1.6732632423543772
const SELU_GAMMA = 1.0507009873554805

const unary =
  (opType: string): EmitNodes =>
  (graph, input) =>
    graph.node(opType, [input])

const lastAxis =
  (opType: string): EmitNodes =>
  (graph, input) =>
    graph.node(opType, [input], [intAttribute('axis', -1)])

const ACTIVATIONS = new Map<string, EmitNodes>([
  ['linear', emitNothing],
  ['relu', unary('Relu')],
  [
    'relu6',
    (graph, input) =>
      graph.node('Clip', [input, graph.constant('min', [], [0]), graph.constant('max', [], [6])]),
  ],
  ['sigmoid', unary('Sigmoid')],
  // tfjs: clip(0.2 x + 0.5, 0, 1), which is ONNX's HardSigmoid with these attributes.
  [
    'hardSigmoid',
    (graph, input) =>
      graph.node('HardSigmoid', [input], [floatAttribute('alpha', 0.2), floatAttribute('beta', 0.5)]),
  ],
  ['tanh', unary('Tanh')],
  ['softmax', lastAxis('Softmax')],
  ['logSoftmax', lastAxis('LogSoftmax')],
  ['elu', (graph, input) => graph.node('Elu', [input], [floatAttribute('alpha', 1)])],
  [
    'selu',
    (graph, input) =>
      graph.node('Selu', [input], [floatAttribute('alpha', SELU_ALPHA), floatAttribute('gamma', SELU_GAMMA)]),
  ],
  ['softplus', unary('Softplus')],
  ['softsign', unary('Softsign')],
  ['swish', (graph, input) => graph.node('Mul', [input, graph.node('Sigmoid', [input])])],
  [
    'mish',
    (graph, input) => graph.node('Mul', [input, graph.node('Tanh', [graph.node('Softplus', [input])])]),
  ],
  // Gelu is an ONNX op only from opset 20; tfjs computes x * 0.5 * (1 + erf(x / sqrt 2)).
  [
    'gelu',
    (graph, input) => {
      const erf = graph.node('Erf', [graph.node('Div', [input, graph.constant('sqrt2', [], [Math.SQRT2])])])
      const cdf = graph.node('Mul', [
        graph.constant('half', [], [0.5]),
        graph.node('Add', [graph.constant('one', [], [1]), erf]),
      ])
      return graph.node('Mul', [input, cdf])
    },
  ],
  // tfjs: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
  [
    'gelu_new',
    (graph, input) => {
      const cube = graph.node('Pow', [input, graph.constant('three', [], [3])])
      const inner = graph.node('Add', [
        input,
        graph.node('Mul', [graph.constant('coefficient', [], [0.044715]), cube]),
      ])
      const scaled = graph.node('Mul', [
        graph.constant('sqrt_2_over_pi', [], [Math.sqrt(2 / Math.PI)]),
        inner,
      ])
      const onePlusTanh = graph.node('Add', [graph.constant('one', [], [1]), graph.node('Tanh', [scaled])])
      return graph.node('Mul', [graph.constant('half', [], [0.5]), graph.node('Mul', [input, onePlusTanh])])
    },
  ],
])

export const SUPPORTED_ACTIVATIONS: readonly string[] = [...ACTIVATIONS.keys()]

/** The nodes for `activation` (a tfjs activation name) of `layer`, or UnsupportedLayerError. */
export function activationNodes(layer: tf.layers.Layer, activation: string): EmitNodes {
  const emit = ACTIVATIONS.get(activation)
  if (emit) return emit
  throw new UnsupportedLayerError(
    layer,
    `activation "${activation}" has no ONNX export`,
    `one of the activations ${SUPPORTED_ACTIVATIONS.join(', ')}`,
  )
}
