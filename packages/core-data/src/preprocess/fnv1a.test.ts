import { describe, expect, it } from 'vitest'
import { fnv1a32 } from './fnv1a'

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // Reference computed with exact integer arithmetic, byte by byte.
    let hash = 2166136261n
    for (const byte of Buffer.from('東京ü', 'utf8')) hash = ((hash ^ BigInt(byte)) * 16777619n) % 2n ** 32n
    expect(fnv1a32('東京ü')).toBe(Number(hash))
  })
})
