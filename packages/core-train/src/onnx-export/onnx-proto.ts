// The ONNX protobuf classes. onnx-proto is CommonJS whose `onnx` export Node's ESM loader cannot
// detect by name, so it is read from the default export; the types come from the same namespace.
import onnxProto from 'onnx-proto'

export type { onnx as Onnx } from 'onnx-proto'
export const onnx = onnxProto.onnx
