// Decides when an ONNX model's weights leave the protobuf for an external data file (model.onnx.data
// beside model.onnx), and lays the tensors out in it. Big weights must go there anyway (a protobuf is
// limited to 2 GB), and from there onnxruntime maps them from the file instead of copying them, so
// every worker of the runtime shares one copy through the page cache (see core-serve's serving plan).
import { type Onnx, onnx } from './onnx-proto'

/** The external data file, beside model.onnx: the name ONNX's own tools give it (`<model>.data`). */
export const ONNX_EXTERNAL_DATA_FILE = 'model.onnx.data'

/**
 * Weights of more than this many bytes in all go to external data. Below it a model loads in well
 * under a second and a copy per worker costs little, so model.onnx stays one self-contained file.
 */
export const EXTERNAL_DATA_ABOVE_BYTES = 64 * 1024 * 1024

/**
 * Where each tensor starts in the data file: a multiple of this. onnxruntime maps a tensor straight
 * from the file only when its offset is a multiple of the allocation granularity (the page size on
 * Linux, 64 KiB on Windows); an unaligned one is read into a private copy.
 */
export const EXTERNAL_DATA_ALIGNMENT = 64 * 1024

/** Tensors smaller than this stay inline even in an externalized model (biases, scalars): ONNX's own default. */
const MIN_EXTERNAL_TENSOR_BYTES = 1024

interface ExternalTensor {
  /** Byte offset in the data file (a multiple of EXTERNAL_DATA_ALIGNMENT). */
  offset: number
  bytes: Uint8Array
}

export interface ExternalDataLayout {
  /** The data file's name, relative to model.onnx. */
  location: string
  /** The data file's size in bytes: the last tensor's end (the gaps before aligned tensors are zeros). */
  size: number
  tensors: ExternalTensor[]
}

/** The float32 weight bytes of a graph's initializers. */
export function initializerBytes(initializers: readonly Onnx.ITensorProto[]): number {
  return initializers.reduce((sum, tensor) => sum + (tensor.rawData?.byteLength ?? 0), 0)
}

/**
 * Moves every initializer of at least MIN_EXTERNAL_TENSOR_BYTES to the data file `location`, in graph
 * order, and returns the initializers that reference it (the others unchanged) with the file's layout.
 */
export function moveToExternalData(
  initializers: readonly Onnx.ITensorProto[],
  location: string = ONNX_EXTERNAL_DATA_FILE,
): { initializers: Onnx.ITensorProto[]; layout: ExternalDataLayout } {
  const tensors: ExternalTensor[] = []
  let size = 0
  const moved = initializers.map((tensor): Onnx.ITensorProto => {
    const bytes = tensor.rawData
    if (!bytes || bytes.byteLength < MIN_EXTERNAL_TENSOR_BYTES) return tensor
    const offset = Math.ceil(size / EXTERNAL_DATA_ALIGNMENT) * EXTERNAL_DATA_ALIGNMENT
    tensors.push({ offset, bytes })
    size = offset + bytes.byteLength
    const { rawData: _inline, ...rest } = tensor
    return {
      ...rest,
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [
        { key: 'location', value: location },
        { key: 'offset', value: String(offset) },
        { key: 'length', value: String(bytes.byteLength) },
      ],
    }
  })
  return { initializers: moved, layout: { location, size, tensors } }
}
