import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { activationNodes } from './activation-nodes'
import { exportOnnx } from './export-onnx'
import { type Onnx, onnx } from './onnx-proto'
import { batchNormMlp, irisMlp, kernel, seededRows, trainBriefly } from './onnx-test-models.fixture'
import { TFJS_FALLBACK, UnsupportedLayerError } from './unsupported-layer-error'

beforeAll(async () => {
  expect((await chooseBackend({ env: {} })).backend).toBe('wasm')
})

function decode(bytes: Uint8Array) {
  return onnx.ModelProto.decode(bytes)
}

/** The decoded graph; decode() builds GraphProto instances, whose lists are always present. */
function graphOf(bytes: Uint8Array): Onnx.GraphProto {
  const graph = decode(bytes).graph
  if (!(graph instanceof onnx.GraphProto)) throw new Error('the model has no graph')
  return graph
}

/** Decoded nodes and tensors are class instances too, with every list present. */
const nodeOf = (graph: Onnx.GraphProto, index: number) => graph.node[index] as Onnx.NodeProto

/** The error `run` throws, for assertions on its fields. */
function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('exportOnnx model structure', () => {
  it('writes IR 8, opset 13, producer sagepack and a [batch, features] -> [batch, classes] graph', () => {
    const bytes = exportOnnx(irisMlp())
    const model = decode(bytes)
    expect(Number(model.irVersion)).toBe(8)
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 13]])
    expect(model.producerName).toBe('sagepack')
    const graph = graphOf(bytes)
    expect(graph.name).toBe('iris')
    const shapeOf = (info: Onnx.IValueInfoProto | undefined) => ({
      name: info?.name,
      elemType: info?.type?.tensorType?.elemType,
      dims: info?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue)),
    })
    expect(shapeOf(graph.input[0])).toEqual({ name: 'input', elemType: 1, dims: ['batch', 4] })
    expect(shapeOf(graph.output[0])).toEqual({ name: 'output', elemType: 1, dims: ['batch', 3] })
    expect(graph.input).toHaveLength(1)
    expect(graph.output).toHaveLength(1)
  })

  it('names nodes and initializers after the layers that hold them', () => {
    const graph = graphOf(exportOnnx(irisMlp()))
    expect(graph.node.map((n) => [n.name, n.opType, n.input, n.output])).toEqual([
      ['hidden_1/Gemm', 'Gemm', ['input', 'hidden_1/kernel', 'hidden_1/bias'], ['hidden_1/Gemm']],
      ['hidden_1/Relu', 'Relu', ['hidden_1/Gemm'], ['hidden_1/Relu']],
      ['hidden_2/Gemm', 'Gemm', ['hidden_1/Relu', 'hidden_2/kernel', 'hidden_2/bias'], ['hidden_2/Gemm']],
      ['hidden_2/Relu', 'Relu', ['hidden_2/Gemm'], ['hidden_2/Relu']],
      ['classes/Gemm', 'Gemm', ['hidden_2/Relu', 'classes/kernel', 'classes/bias'], ['classes/Gemm']],
      ['classes/Softmax', 'Softmax', ['classes/Gemm'], ['output']],
    ])
    expect(graph.initializer.map((t) => [t.name, t.dims?.map(Number), t.dataType])).toEqual([
      ['hidden_1/kernel', [4, 16], 1],
      ['hidden_1/bias', [16], 1],
      ['hidden_2/kernel', [16, 16], 1],
      ['hidden_2/bias', [16], 1],
      ['classes/kernel', [16, 3], 1],
      ['classes/bias', [3], 1],
    ])
  })

  it('carries the layer weights as little-endian float32', () => {
    const model = irisMlp()
    const initializer = graphOf(exportOnnx(model)).initializer.find((t) => t.name === 'hidden_2/kernel')
    const raw = initializer?.rawData ?? new Uint8Array()
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
    const values = Float32Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true))
    expect(values).toEqual(model.getLayer('hidden_2').getWeights()[0]?.dataSync())
  })

  it('writes a Dense layer without bias as a two-operand Gemm, and BatchNormalization with its statistics', () => {
    const noBias = tf.sequential({
      layers: [tf.layers.dense({ name: 'plain', inputShape: [2], units: 2, useBias: false })],
    })
    expect(nodeOf(graphOf(exportOnnx(noBias)), 0).input).toEqual(['input', 'plain/kernel'])
    const normalize = nodeOf(graphOf(exportOnnx(batchNormMlp({ center: false }))), 1)
    expect(normalize.opType).toBe('BatchNormalization')
    expect(normalize.input).toEqual([
      'hidden/Gemm',
      'normalize/gamma',
      'normalize/beta',
      'normalize/moving_mean',
      'normalize/moving_variance',
    ])
    expect(normalize.attribute[0]?.name).toBe('epsilon')
    expect(normalize.attribute[0]?.f).toBeCloseTo(0.001, 8)
  })

  it('honours inputName, outputName and producer, and runs under those names', async () => {
    const tfjsModel = irisMlp()
    const bytes = exportOnnx(tfjsModel, {
      inputName: 'features',
      outputName: 'probabilities',
      producer: 'iris-team',
    })
    expect(decode(bytes).producerName).toBe('iris-team')
    const session = await InferenceSession.create(bytes)
    expect(session.inputNames).toEqual(['features'])
    expect(session.outputNames).toEqual(['probabilities'])
    const rows = seededRows(2, 4, 'names')
    const result = await session.run({ features: new Tensor('float32', rows, [2, 4]) })
    expect(result.probabilities?.dims).toEqual([2, 3])
    await session.release()
  })

  it('refuses an inputName equal to the outputName', () => {
    const error = thrown(() => exportOnnx(irisMlp(), { inputName: 'x', outputName: 'x' }))
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain('inputName and outputName "x"')
  })
})

describe('exportOnnx determinism', () => {
  it('gives identical bytes for the same trained model exported twice', async () => {
    const model = batchNormMlp({})
    await trainBriefly(model, 'classification', 'deterministic')
    expect(exportOnnx(model)).toEqual(exportOnnx(model))
  })

  it('gives identical bytes for two models built alike, and different bytes once weights differ', () => {
    const first = exportOnnx(irisMlp(5))
    expect(exportOnnx(irisMlp(5))).toEqual(first)
    expect(exportOnnx(irisMlp(6))).not.toEqual(first)
  })
})

describe('exportOnnx on models it cannot translate', () => {
  function expectUnsupported(
    run: () => unknown,
    layerName: string,
    layerClass: string,
  ): UnsupportedLayerError {
    const error = thrown(run)
    expect(error).toBeInstanceOf(UnsupportedLayerError)
    const unsupported = error as UnsupportedLayerError
    expect(isUserError(unsupported)).toBe(true)
    expect(unsupported.layerName).toBe(layerName)
    expect(unsupported.layerClass).toBe(layerClass)
    expect(unsupported.input).toBe(`layer "${layerName}" (${layerClass})`)
    expect(unsupported.message).toContain(`layer "${layerName}" (${layerClass})`)
    expect(unsupported.fix).toBe(TFJS_FALLBACK)
    return unsupported
  }

  it('names an LSTM layer and lists the supported layers', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ name: 'sequence', inputShape: [5, 3], units: 4 }),
        tf.layers.dense({ name: 'classes', units: 2 }),
      ],
    })
    const error = expectUnsupported(() => exportOnnx(model), 'sequence', 'LSTM')
    expect(error.problem).toBe('has no ONNX export')
    expect(error.expected).toContain('Dense')
    expect(error.expected).toContain('BatchNormalization')
    expect(error.message).toContain(TFJS_FALLBACK)
  })

  it('names a Conv1D layer', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv1d({ name: 'conv', inputShape: [8, 1], filters: 2, kernelSize: 3 }),
        tf.layers.flatten({ name: 'flat' }),
        tf.layers.dense({ name: 'classes', units: 2 }),
      ],
    })
    expectUnsupported(() => exportOnnx(model), 'conv', 'Conv1D')
  })

  it('names the first unsupported layer even when it follows supported ones', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ name: 'hidden', inputShape: [4], units: 4 }),
        tf.layers.layerNormalization({ name: 'layer_norm' }),
        tf.layers.repeatVector({ name: 'repeat', n: 2 }),
      ],
    })
    expectUnsupported(() => exportOnnx(model), 'layer_norm', 'LayerNormalization')
  })

  it('names a merge layer of a branching functional model', () => {
    const input = tf.input({ name: 'features', shape: [4] })
    const left = tf.layers.dense({ name: 'left', units: 2 }).apply(input) as tf.SymbolicTensor
    const right = tf.layers.dense({ name: 'right', units: 2 }).apply(input) as tf.SymbolicTensor
    const merged = tf.layers.concatenate({ name: 'merge' }).apply([left, right]) as tf.SymbolicTensor
    const model = tf.model({ inputs: input, outputs: merged })
    const error = expectUnsupported(() => exportOnnx(model), 'merge', 'Concatenate')
    expect(error.problem).toBe('takes 2 inputs')
  })

  it('names a model with two inputs', () => {
    const a = tf.input({ shape: [2] })
    const b = tf.input({ shape: [2] })
    const sum = tf.layers.add({ name: 'sum' }).apply([a, b]) as tf.SymbolicTensor
    const model = tf.model({ name: 'two_inputs', inputs: [a, b], outputs: sum })
    const error = expectUnsupported(() => exportOnnx(model), 'two_inputs', 'Model')
    expect(error.problem).toBe('has 2 inputs and 1 outputs')
  })

  it('names an empty Sequential model, which has no input yet', () => {
    const error = expectUnsupported(() => exportOnnx(tf.sequential({ name: 'empty' })), 'empty', 'Sequential')
    expect(error.problem).toBe('has 0 inputs and 0 outputs')
  })

  it('names the input layer of a model whose input is not [batch, features]', () => {
    const input = tf.input({ name: 'grid', shape: [3, 4] })
    const output = tf.layers.dense({ name: 'per_row', units: 2 }).apply(input) as tf.SymbolicTensor
    const error = expectUnsupported(
      () => exportOnnx(tf.model({ inputs: input, outputs: output })),
      'grid',
      'InputLayer',
    )
    expect(error.problem).toBe('has input shape [null,3,4]')
  })

  it('names a Softmax layer over the batch axis', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ name: 'hidden', inputShape: [4], units: 3 }),
        tf.layers.softmax({ name: 'across', axis: 0 }),
      ],
    })
    expectUnsupported(() => exportOnnx(model), 'across', 'Softmax')
  })

  it('names the layer and the activation it has no nodes for', () => {
    const layer = tf.layers.dense({ name: 'cubed', units: 2, kernelInitializer: kernel(1) })
    const error = expectUnsupported(() => activationNodes(layer, 'cube'), 'cubed', 'Dense')
    expect(error.problem).toBe('activation "cube" has no ONNX export')
    expect(error.expected).toContain('relu')
    expect(error.expected).toContain('softmax')
  })
})
