// Dense -> Gemm (x · kernel + bias; no bias operand when useBias is false) and its activation.

import { activationNodes } from './activation-nodes'
import type { LayerConverter } from './converter-types'
import { configString } from './layer-config'
import { layerWeights, requiredWeight } from './layer-weights'

export const denseLayer: LayerConverter = (layer) => {
  const activation = activationNodes(layer, configString(layer, 'activation'))
  return (graph, input) => {
    const weights = layerWeights(layer)
    // tfjs keeps the kernel as [inputs, units], the layout Gemm takes without transB.
    const kernel = requiredWeight(layer, weights, 'kernel')
    const operands = [input, graph.constant('kernel', kernel.dims, kernel.values)]
    const bias = weights.get('bias')
    if (bias) operands.push(graph.constant('bias', bias.dims, bias.values))
    return activation(graph, graph.node('Gemm', operands))
  }
}
