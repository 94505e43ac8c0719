// Exports a trained tfjs LayersModel to ONNX model bytes so a bundle can carry model.onnx. Every
// layer is checked before any node is written, so an unsupported model fails with
// UnsupportedLayerError and the caller can fall back to the tfjs format.
import { UserError } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import { GraphBuilder } from './graph-builder'
import { layerChain } from './layer-chain'
import { converterFor } from './layer-converters'
import { modelIoShape } from './model-io-shape'
import { encodeModelProto } from './model-proto'

export interface ExportOnnxOptions {
  /** Name of the graph's float32 [batch, features] input; `input` by default. */
  inputName?: string
  /** Name of the graph's float32 [batch, outputs] output; `output` by default. */
  outputName?: string
  /** The model's producer_name; `sagepack` by default. */
  producer?: string
}

export function exportOnnx(model: tf.LayersModel, options: ExportOnnxOptions = {}): Uint8Array {
  const inputName = options.inputName ?? 'input'
  const outputName = options.outputName ?? 'output'
  checkTensorNames(inputName, outputName)
  const steps = layerChain(model).map((layer) => ({ layer, emit: converterFor(layer)(layer) }))
  const shape = modelIoShape(model)
  const graph = new GraphBuilder([inputName, outputName])
  let tensor = inputName
  for (const { layer, emit } of steps) tensor = emit(graph.scope(layer.name), tensor)
  graph.finish(tensor, outputName)
  return encodeModelProto({
    graphName: model.name,
    producerName: options.producer ?? 'sagepack',
    docString: `exported from the tfjs ${model.getClassName()} "${model.name}"`,
    input: { name: inputName, width: shape.features },
    output: { name: outputName, width: shape.outputs },
    graph,
  })
}

function checkTensorNames(inputName: string, outputName: string): void {
  for (const [option, name] of [
    ['inputName', inputName],
    ['outputName', outputName],
  ] as const) {
    if (name === '') {
      throw new UserError({ input: `exportOnnx ${option}`, problem: 'is empty', expected: 'a tensor name' })
    }
  }
  if (inputName === outputName) {
    throw new UserError({
      input: `exportOnnx inputName and outputName "${inputName}"`,
      problem: 'are the same',
      expected: 'two different tensor names',
    })
  }
}
