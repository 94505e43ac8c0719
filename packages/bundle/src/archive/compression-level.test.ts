import { randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressChunk } from './compression-level'
import { gzipMember } from './gzip-member'

/** Normal-like float32 weights, as a trained dense layer holds them. */
function weights(count: number): Uint8Array {
  const values = new Float32Array(count).map(
    () => (Math.random() + Math.random() + Math.random() - 1.5) * 0.1,
  )
  return new Uint8Array(values.buffer)
}

describe('compressChunk', () => {
  it('stores random bytes', async () => {
    expect((await compressChunk(randomBytes(1 << 20))).method).toBe('store')
  })

  it('entropy-codes float32 weights, as small as gzip -6 makes them', async () => {
    const data = weights(1 << 18)
    expect((await compressChunk(data)).method).toBe('huffman')
    const huffman = Buffer.concat(await gzipMember(data, 'huffman')).byteLength
    const gzip6 = gzipSync(data, { level: 6 }).byteLength
    expect(huffman).toBeLessThan(data.byteLength * 0.97)
    expect(huffman / gzip6).toBeLessThan(1.01)
  })

  it('deflates text and empty chunks', async () => {
    const text = Buffer.from('{"name": "iris", "epochs": 50}\n'.repeat(40_000))
    expect((await compressChunk(text)).method).toBe('deflate')
    expect((await compressChunk(new Uint8Array(0))).method).toBe('deflate')
  })

  it('returns a member that gunzips to the chunk, whichever method it took', async () => {
    const text = Buffer.from('{"name": "iris", "epochs": 50}\n'.repeat(1000))
    const chunks = { store: randomBytes(100_000), huffman: weights(25_000), deflate: text }
    for (const [method, chunk] of Object.entries(chunks)) {
      const compressed = await compressChunk(chunk)
      expect(compressed.method).toBe(method)
      expect(gunzipSync(Buffer.concat(compressed.member)).equals(Buffer.from(chunk))).toBe(true)
    }
  })
})
