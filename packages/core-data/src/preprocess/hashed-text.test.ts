import { describe, expect, it } from 'vitest'
import { textBucket, textEncoder, writeHashedText } from './hashed-text'

// FNV-1a 32 computed independently of the code under test: exact integers over the UTF-8 bytes.
function referenceBucket(token: string, dimensions: number): number {
  let hash = 2166136261n
  for (const byte of Buffer.from(token, 'utf8')) hash = ((hash ^ BigInt(byte)) * 16777619n) % 2n ** 32n
  return Number(hash % BigInt(dimensions))
}

describe('hashed bag of words', () => {
  it('puts a fixed token in a fixed bucket', () => {
    // fnv1a32('hello') = 0x4f9f2cab = 1335831723; 1335831723 mod 1024 = 171.
    expect(referenceBucket('hello', 1024)).toBe(171)
    expect(textBucket('hello', 1024)).toBe(171)
    for (const token of ['world', 'grüße', '東京', '2024']) {
      expect(textBucket(token, 1000)).toBe(referenceBucket(token, 1000))
    }
  })

  it('counts terms, damps them with log1p and L2-normalizes', () => {
    const dimensions = 1024
    const out = new Float32Array(dimensions)
    writeHashedText('Hello hello, WORLD', dimensions, out, 0)
    const hello = Math.log1p(2)
    const world = Math.log1p(1)
    const norm = Math.hypot(hello, world)
    expect(out[referenceBucket('hello', dimensions)]).toBe(Math.fround(hello / norm))
    expect(out[referenceBucket('world', dimensions)]).toBe(Math.fround(world / norm))
    expect(out.filter((value) => value !== 0)).toHaveLength(2)
  })

  it('leaves text without tokens, and missing text, at zeros', () => {
    const encoder = textEncoder({ kind: 'text', name: 'subject', dimensions: 8 })
    const out = new Float32Array(16)
    encoder.encode('!!!', out, 0)
    encoder.encode(null, out, 8)
    expect(out.every((value) => value === 0)).toBe(true)
    expect(encoder.outputNames[7]).toBe('subject#7')
  })

  it('writes at the offset it is given', () => {
    const out = new Float32Array(20)
    writeHashedText('hello', 10, out, 10)
    expect(out[10 + referenceBucket('hello', 10)]).toBe(1)
  })
})
