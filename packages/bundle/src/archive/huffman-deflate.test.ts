import { randomBytes } from 'node:crypto'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodeHuffman, huffmanStart, planHuffman } from './huffman-deflate'

/** Normal-like float32 weights, as a trained dense layer holds them. */
function weights(count: number): Uint8Array {
  const values = new Float32Array(count).map(
    () => (Math.random() + Math.random() + Math.random() - 1.5) * 0.1,
  )
  return new Uint8Array(values.buffer)
}

/**
 * Deflates `data` into an output buffer, started where the literals land on an even byte (the fast
 * path's condition) or, `misaligned`, on the other one; returns the stream.
 */
function deflated(data: Uint8Array, misaligned = false): Buffer {
  const plan = planHuffman(data)
  const shift = misaligned ? 1 - huffmanStart(plan, 0) : huffmanStart(plan, 0)
  const out = new Uint8Array(data.byteLength + 2048)
  const end = encodeHuffman(data, plan, out, shift)
  expect(end - shift).toBe(plan.deflatedBytes)
  return Buffer.from(out.subarray(shift, end))
}

/** `data` copied to an odd address, which sends it down the byte-by-byte path. */
function atOddAddress(data: Uint8Array): Uint8Array {
  const copy = new Uint8Array(data.byteLength + 1).subarray(1)
  copy.set(data)
  return copy
}

describe('encodeHuffman', () => {
  const cases: Record<string, Uint8Array> = {
    'float32 weights': weights(100_003),
    'every byte value': randomBytes(70_001),
    'one byte value': new Uint8Array(10_000).fill(7),
    'two byte values': Uint8Array.from({ length: 9_999 }, (_, i) => (i % 3 === 0 ? 200 : 3)),
    // Counts halving from byte to byte: codes up to 15 bits, pairs too long for the pair table.
    'skewed counts': Uint8Array.from({ length: 1 << 17 }, (_, i) => Math.min(20, Math.clz32(i + 1))),
    'one byte': Uint8Array.of(42),
  }

  it.each(Object.keys(cases))('writes a stream zlib inflates back to the data: %s', (name) => {
    const data = cases[name] as Uint8Array
    expect(inflateRawSync(deflated(data)).equals(Buffer.from(data))).toBe(true)
  })

  it('writes the same bytes on its fast path (aligned data) as byte by byte', () => {
    for (const data of [weights(25_000), cases['skewed counts'] as Uint8Array, randomBytes(4099)]) {
      const fast = deflated(data)
      expect(deflated(atOddAddress(data)).equals(fast)).toBe(true)
      // Literals that would start on an odd output byte are written byte by byte too.
      expect(deflated(data, true).equals(fast)).toBe(true)
    }
  })

  it('entropy-codes float32 weights to about 92.5% of their size', () => {
    const data = weights(1 << 18)
    const ratio = planHuffman(data).deflatedBytes / data.byteLength
    expect(ratio).toBeGreaterThan(0.85)
    expect(ratio).toBeLessThan(0.95)
  })
})
