// Test fixture: a dense MLP (Gemm + Relu layers, optional Softmax) written as an ONNX model with a
// hand-rolled protobuf encoder, plus the same forward pass in plain JS to check predictions against.
// Hand-rolled so core-serve's tests need no ONNX library: ModelProto only needs five message types.

export interface DenseLayer {
  inputs: number
  outputs: number
  /** Row-major [inputs, outputs], as Gemm with transB=0 reads it. */
  weights: Float32Array
  bias: Float32Array
}

export interface MlpSpec {
  layers: DenseLayer[]
  /** Softmax after the last layer (classifiers); Relu follows every other layer. */
  softmax: boolean
  /** Declared batch dimension: a symbolic name, as exporters write it. */
  batch?: string
  /** Declare the output's feature width as symbolic, to exercise the predictor's probe. */
  symbolicOutputWidth?: boolean
}

/** Layers with seeded weights, so every test run builds the same model. */
export function seededLayers(widths: readonly number[], seed = 1): DenseLayer[] {
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32 - 0.5
  }
  const layers: DenseLayer[] = []
  for (let i = 0; i + 1 < widths.length; i++) {
    const inputs = widths[i] as number
    const outputs = widths[i + 1] as number
    const weights = Float32Array.from({ length: inputs * outputs }, next)
    const bias = Float32Array.from({ length: outputs }, () => next() * 0.1)
    layers.push({ inputs, outputs, weights, bias })
  }
  return layers
}

/** The reference forward pass, in float64 then rounded, for comparing with a tolerance. */
export function forwardMlp(spec: MlpSpec, features: Float32Array, rows: number): Float32Array {
  let current = Array.from(features)
  let width = spec.layers[0]?.inputs ?? 0
  spec.layers.forEach((layer, index) => {
    const next: number[] = []
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < layer.outputs; o++) {
        let sum = layer.bias[o] as number
        for (let i = 0; i < width; i++)
          sum += (current[r * width + i] as number) * (layer.weights[i * layer.outputs + o] as number)
        next.push(index < spec.layers.length - 1 ? Math.max(0, sum) : sum)
      }
    }
    current = next
    width = layer.outputs
  })
  if (spec.softmax) {
    for (let r = 0; r < rows; r++) {
      const row = current.slice(r * width, (r + 1) * width)
      const max = Math.max(...row)
      const exps = row.map((v) => Math.exp(v - max))
      const total = exps.reduce((a, b) => a + b, 0)
      exps.forEach((v, o) => {
        current[r * width + o] = v / total
      })
    }
  }
  return Float32Array.from(current)
}

const FLOAT = 1

export function encodeOnnxMlp(spec: MlpSpec): Uint8Array {
  return encodeMlp(spec).model
}

/** Aligned as core-train's export aligns external tensors, so onnxruntime maps them in place. */
const EXTERNAL_ALIGNMENT = 64 * 1024

/**
 * The same model with its weight matrices as ONNX external data: model.onnx's bytes, and those of the
 * file it names (`location`, model.onnx.data by default) to write beside it.
 */
export function encodeOnnxMlpWithExternalData(
  spec: MlpSpec,
  location = 'model.onnx.data',
): { model: Uint8Array; data: Uint8Array } {
  const { model, external } = encodeMlp(spec, location)
  const size = external.at(-1) ? (external.at(-1)?.offset ?? 0) + (external.at(-1)?.bytes.length ?? 0) : 0
  const data = new Uint8Array(size)
  for (const { offset, bytes } of external) data.set(bytes, offset)
  return { model, data }
}

function encodeMlp(
  spec: MlpSpec,
  location?: string,
): { model: Uint8Array; external: Array<{ offset: number; bytes: Uint8Array }> } {
  const external: Array<{ offset: number; bytes: Uint8Array }> = []
  const place = (bytes: Uint8Array): number => {
    const last = external.at(-1)
    const end = last ? last.offset + last.bytes.length : 0
    const offset = Math.ceil(end / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT
    external.push({ offset, bytes })
    return offset
  }
  const first = spec.layers[0]
  const last = spec.layers.at(-1)
  if (!first || !last) throw new Error('an MLP needs at least one layer')
  const batch = spec.batch ?? 'batch'
  const nodes: Uint8Array[] = []
  const initializers: Uint8Array[] = []
  let current = 'input'
  spec.layers.forEach((layer, index) => {
    const w = `W${index}`
    const b = `B${index}`
    initializers.push(
      location === undefined
        ? tensor(w, [layer.inputs, layer.outputs], layer.weights)
        : externalTensor(w, [layer.inputs, layer.outputs], layer.weights, location, place),
    )
    initializers.push(tensor(b, [layer.outputs], layer.bias))
    const gemm = `gemm${index}`
    nodes.push(node('Gemm', [current, w, b], [gemm]))
    current = gemm
    if (index < spec.layers.length - 1) {
      nodes.push(node('Relu', [current], [`relu${index}`]))
      current = `relu${index}`
    }
  })
  if (spec.softmax) {
    nodes.push(node('Softmax', [current], ['probabilities']))
    current = 'probabilities'
  }
  // The graph output must be named by the last node: rename it with an Identity.
  nodes.push(node('Identity', [current], ['output']))
  const outputWidth: number | string = spec.symbolicOutputWidth ? 'classes' : last.outputs
  const graph = concat(
    ...nodes.map((n) => bytesField(1, n)),
    stringField(2, 'mlp'),
    ...initializers.map((t) => bytesField(5, t)),
    bytesField(11, valueInfo('input', [batch, first.inputs])),
    bytesField(12, valueInfo('output', [batch, outputWidth])),
  )
  const opset = concat(stringField(1, ''), varintField(2, 13))
  const model = concat(
    varintField(1, 7),
    stringField(2, 'sagepack-test'),
    bytesField(7, graph),
    bytesField(8, opset),
  )
  return { model, external }
}

function node(op: string, inputs: string[], outputs: string[]): Uint8Array {
  return concat(
    ...inputs.map((name) => stringField(1, name)),
    ...outputs.map((name) => stringField(2, name)),
    stringField(3, outputs[0] ?? op),
    stringField(4, op),
  )
}

/** TensorProto with external_data (13: location, offset, length) and data_location (14) EXTERNAL. */
function externalTensor(
  name: string,
  dims: number[],
  values: Float32Array,
  location: string,
  place: (bytes: Uint8Array) => number,
): Uint8Array {
  const raw = rawBytes(values)
  const offset = place(raw)
  const entry = (key: string, value: string) =>
    bytesField(13, concat(stringField(1, key), stringField(2, value)))
  return concat(
    ...dims.map((d) => varintField(1, d)),
    varintField(2, FLOAT),
    stringField(8, name),
    entry('location', location),
    entry('offset', String(offset)),
    entry('length', String(raw.length)),
    varintField(14, 1),
  )
}

function rawBytes(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength))
}

function tensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  const raw = rawBytes(values)
  return concat(
    ...dims.map((d) => varintField(1, d)),
    varintField(2, FLOAT),
    stringField(8, name),
    bytesField(9, raw),
  )
}

function valueInfo(name: string, shape: Array<number | string>): Uint8Array {
  const dims = shape.map((d) => bytesField(1, typeof d === 'number' ? varintField(1, d) : stringField(2, d)))
  const tensorType = concat(varintField(1, FLOAT), bytesField(2, concat(...dims)))
  return concat(stringField(1, name), bytesField(2, bytesField(1, tensorType)))
}

function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}

function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field << 3), ...varint(value)])
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes)
}

function stringField(field: number, value: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(value))
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
