// Collects the nodes and float32 initializers of one ONNX graph. Names are derived from the layer
// that emits them and never reused, so the same model always encodes to the same bytes.
import { type Onnx, onnx } from './onnx-proto'

/** The part of the graph one layer writes to: every name it adds starts with the layer's name. */
export interface LayerGraph {
  /** Adds an `opType` node and returns the name of its one output tensor. */
  node(opType: string, inputs: readonly string[], attribute?: Onnx.IAttributeProto[]): string
  /** Adds a float32 initializer (`dims` [] for a scalar) and returns its name. */
  constant(suffix: string, dims: readonly number[], values: ArrayLike<number>): string
}

export class GraphBuilder {
  readonly nodes: Onnx.INodeProto[] = []
  readonly initializers: Onnx.ITensorProto[] = []
  private readonly names = new Set<string>()

  /** `reserved` are the graph's input and output names, which no node or initializer may take. */
  constructor(reserved: readonly string[]) {
    for (const name of reserved) this.names.add(name)
  }

  /** The graph seen by the layer named `prefix`. */
  scope(prefix: string): LayerGraph {
    return {
      node: (opType, inputs, attribute) => this.node(`${prefix}/${opType}`, opType, inputs, attribute),
      constant: (suffix, dims, values) => this.constant(`${prefix}/${suffix}`, dims, values),
    }
  }

  /** The first of `base`, `base_2`, `base_3`, … not yet taken. */
  uniqueName(base: string): string {
    let name = base
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`
    this.names.add(name)
    return name
  }

  /** Adds a float32 initializer and returns its name. */
  constant(base: string, dims: readonly number[], values: ArrayLike<number>): string {
    const name = this.uniqueName(base)
    this.initializers.push({
      name,
      dims: [...dims],
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: littleEndianFloats(values),
    })
    return name
  }

  /** Adds a node whose one output tensor carries the node's name, and returns that name. */
  node(
    base: string,
    opType: string,
    inputs: readonly string[],
    attribute: Onnx.IAttributeProto[] = [],
  ): string {
    const name = this.uniqueName(base)
    this.nodes.push({ name, opType, input: [...inputs], output: [name], attribute })
    return name
  }

  /**
   * Makes `tensor` the graph output `outputName`: the node producing it is renamed in place, and
   * when no node produced it (the whole model is identity at inference) an Identity node is added.
   */
  finish(tensor: string, outputName: string): void {
    const producer = this.nodes.find((node) => node.output?.[0] === tensor)
    if (producer) producer.output = [outputName]
    else
      this.nodes.push({
        name: this.uniqueName('output/Identity'),
        opType: 'Identity',
        input: [tensor],
        output: [outputName],
      })
  }
}

export function floatAttribute(name: string, value: number): Onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value }
}

export function intAttribute(name: string, value: number): Onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
}

/** raw_data is little-endian by the ONNX spec, whatever the host's byte order. */
function littleEndianFloats(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] ?? 0, true)
  return bytes
}
