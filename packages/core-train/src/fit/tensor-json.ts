// Tensors as JSON values (base64 of their bytes), for callback state that must travel in a checkpoint.
import * as tf from '@tensorflow/tfjs'

export interface TensorJson {
  shape: number[]
  dtype: 'float32' | 'int32' | 'bool'
  base64: string
}

export function tensorsToJson(tensors: tf.Tensor[]): TensorJson[] {
  return tensors.map((tensor) => {
    if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32' && tensor.dtype !== 'bool') {
      throw new Error(`tensorsToJson: ${tensor.dtype} tensors are not supported`)
    }
    const values = tensor.dataSync() as Float32Array | Int32Array | Uint8Array
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength)
    return { shape: [...tensor.shape], dtype: tensor.dtype, base64: bytes.toString('base64') }
  })
}

export function tensorsFromJson(encoded: TensorJson[]): tf.Tensor[] {
  return encoded.map(({ shape, dtype, base64 }) => {
    const bytes = Buffer.from(base64, 'base64')
    // Copy into a fresh, aligned buffer: Buffer.from may hand out a slice of a shared pool.
    const buffer = new Uint8Array(bytes).buffer
    const values =
      dtype === 'float32'
        ? new Float32Array(buffer)
        : dtype === 'int32'
          ? new Int32Array(buffer)
          : new Uint8Array(buffer)
    return tf.tensor(values, shape, dtype)
  })
}
