import { describe, expect, it } from 'vitest'
import { EXTERNAL_DATA_ALIGNMENT, initializerBytes, moveToExternalData } from './external-data'
import { type Onnx, onnx } from './onnx-proto'

const tensor = (name: string, bytes: number): Onnx.ITensorProto => ({
  name,
  dims: [bytes / 4],
  dataType: onnx.TensorProto.DataType.FLOAT,
  rawData: Uint8Array.from({ length: bytes }, (_, i) => i % 251),
})

describe('moveToExternalData', () => {
  it('moves tensors of 1 KiB or more, each at an aligned offset, and leaves smaller ones inline', () => {
    const initializers = [tensor('w1', 4800), tensor('b1', 12), tensor('w2', 1024), tensor('w3', 1020)]
    const { initializers: moved, layout } = moveToExternalData(initializers)
    expect(layout.location).toBe('model.onnx.data')
    expect(layout.tensors.map((t) => [t.offset, t.bytes.byteLength])).toEqual([
      [0, 4800],
      [EXTERNAL_DATA_ALIGNMENT, 1024],
    ])
    expect(layout.size).toBe(EXTERNAL_DATA_ALIGNMENT + 1024)
    expect(layout.tensors[1]?.bytes).toBe(initializers[2]?.rawData)
    const [w1, b1, w2, w3] = moved
    expect(w1).toMatchObject({
      name: 'w1',
      dims: [1200],
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    })
    expect(w1?.rawData).toBeUndefined()
    expect(w1?.externalData).toEqual([
      { key: 'location', value: 'model.onnx.data' },
      { key: 'offset', value: '0' },
      { key: 'length', value: '4800' },
    ])
    expect(w2?.externalData?.[1]).toEqual({ key: 'offset', value: String(EXTERNAL_DATA_ALIGNMENT) })
    expect(b1).toBe(initializers[1])
    expect(w3).toBe(initializers[3])
    expect(initializerBytes(moved)).toBe(12 + 1020)
    expect(initializerBytes(initializers)).toBe(4800 + 12 + 1024 + 1020)
  })
})
