import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chooseCompressionMethod } from './compression-level'
import { gzipMember } from './gzip-member'

/** Normal-like float32 weights, as a trained dense layer holds them. */
function weights(count: number): Uint8Array {
  const values = new Float32Array(count).map(
    () => (Math.random() + Math.random() + Math.random() - 1.5) * 0.1,
  )
  return new Uint8Array(values.buffer)
}

describe('chooseCompressionMethod', () => {
  it('stores random bytes', async () => {
    expect(await chooseCompressionMethod(randomBytes(1 << 20))).toBe('store')
  })

  it('entropy-codes float32 weights, as small as gzip -6 makes them', async () => {
    const data = weights(1 << 18)
    expect(await chooseCompressionMethod(data)).toBe('huffman')
    const huffman = Buffer.concat(await gzipMember(data, 'huffman')).byteLength
    const gzip6 = gzipSync(data, { level: 6 }).byteLength
    expect(huffman).toBeLessThan(data.byteLength * 0.97)
    expect(huffman / gzip6).toBeLessThan(1.01)
  })

  it('deflates text and empty chunks', async () => {
    const text = Buffer.from('{"name": "iris", "epochs": 50}\n'.repeat(40_000))
    expect(await chooseCompressionMethod(text)).toBe('deflate')
    expect(await chooseCompressionMethod(new Uint8Array(0))).toBe('deflate')
  })
})
