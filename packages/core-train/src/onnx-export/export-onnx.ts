// Exports a trained tfjs LayersModel to ONNX model bytes so a bundle can carry model.onnx (and, for
// big weights, model.onnx.data: see external-data.ts). Every layer is checked before any node is
// written, so an unsupported model fails with UnsupportedLayerError and the caller can fall back to
// the tfjs format.
import { UserError } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import {
  EXTERNAL_DATA_ABOVE_BYTES,
  type ExternalDataLayout,
  initializerBytes,
  moveToExternalData,
} from './external-data'
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

export interface ExportOnnxModelOptions extends ExportOnnxOptions {
  /** Weights of more bytes than this go to external data; EXTERNAL_DATA_ABOVE_BYTES by default. */
  externalDataAboveBytes?: number
}

/** model.onnx's bytes, and the external data file's layout when the weights went there. */
export interface OnnxModelFiles {
  model: Uint8Array
  externalData: ExternalDataLayout | null
}

/** The model as one self-contained model.onnx, whatever the size of its weights (up to protobuf's 2 GB). */
export function exportOnnx(model: tf.LayersModel, options: ExportOnnxOptions = {}): Uint8Array {
  return exportOnnxModel(model, { ...options, externalDataAboveBytes: Number.POSITIVE_INFINITY }).model
}

/** The model as model.onnx, plus model.onnx.data when its weights are bigger than the threshold. */
export function exportOnnxModel(model: tf.LayersModel, options: ExportOnnxModelOptions = {}): OnnxModelFiles {
  const inputName = options.inputName ?? 'input'
  const outputName = options.outputName ?? 'output'
  checkTensorNames(inputName, outputName)
  const steps = layerChain(model).map((layer) => ({ layer, emit: converterFor(layer)(layer) }))
  const shape = modelIoShape(model)
  const graph = new GraphBuilder([inputName, outputName])
  let tensor = inputName
  for (const { layer, emit } of steps) tensor = emit(graph.scope(layer.name), tensor)
  graph.finish(tensor, outputName)
  const external =
    initializerBytes(graph.initializers) > (options.externalDataAboveBytes ?? EXTERNAL_DATA_ABOVE_BYTES)
      ? moveToExternalData(graph.initializers)
      : undefined
  const bytes = encodeModelProto({
    graphName: model.name,
    producerName: options.producer ?? 'sagepack',
    docString: `exported from the tfjs ${model.getClassName()} "${model.name}"`,
    input: { name: inputName, width: shape.features },
    output: { name: outputName, width: shape.outputs },
    nodes: graph.nodes,
    initializers: external?.initializers ?? graph.initializers,
  })
  return { model: bytes, externalData: external?.layout ?? null }
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
