// Wraps a built graph into an ONNX ModelProto (IR 8, default-domain opset 13) with a float32
// [batch, features] input and [batch, outputs] output, and encodes it. Nothing time- or
// host-dependent goes in, so equal graphs give equal bytes.
import { type Onnx, onnx } from './onnx-proto'

const IR_VERSION = 8
const OPSET_VERSION = 13
/** The symbolic first dimension of the input and output, so any number of rows can be fed. */
const BATCH_DIMENSION = 'batch'

export interface ModelProtoParts {
  graphName: string
  producerName: string
  docString: string
  input: { name: string; width: number }
  output: { name: string; width: number }
  nodes: Onnx.INodeProto[]
  /** Inline (raw_data) or external (see external-data.ts). */
  initializers: Onnx.ITensorProto[]
}

export function encodeModelProto(parts: ModelProtoParts): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: parts.producerName,
    docString: parts.docString,
    graph: {
      name: parts.graphName,
      node: parts.nodes,
      initializer: parts.initializers,
      input: [rowsOf(parts.input.name, parts.input.width)],
      output: [rowsOf(parts.output.name, parts.output.width)],
    },
  })
  const bytes = onnx.ModelProto.encode(model).finish()
  // protobufjs hands back a Node Buffer; callers get a plain Uint8Array view of the same memory.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function rowsOf(name: string, width: number): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: [{ dimParam: BATCH_DIMENSION }, { dimValue: width }] },
      },
    },
  }
}
