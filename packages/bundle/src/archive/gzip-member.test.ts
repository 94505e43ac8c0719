import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { gzipMember, storedGzipMember } from './gzip-member'

describe('gzipMember', () => {
  it.each([0, 1, 65_535, 65_536, 3 * 65_535 + 7])('stores %i bytes as a member gunzip reads back', (size) => {
    const data = randomBytes(size)
    const member = Buffer.concat(storedGzipMember(data))
    expect(gunzipSync(member).equals(data)).toBe(true)
    expect(member.length).toBe(size + 5 * Math.max(1, Math.ceil(size / 65_535)) + 18)
  })

  it('writes the same header whatever the level: no time, OS unknown', async () => {
    const text = Buffer.from('abc'.repeat(10_000))
    for (const level of ['store', 'huffman', 'deflate'] as const) {
      const member = Buffer.concat(await gzipMember(text, level))
      expect([...member.subarray(0, 8)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])
      expect(member[9]).toBe(255)
      expect(gunzipSync(member).equals(text)).toBe(true)
    }
    // Members concatenate into one gzip stream.
    const both = Buffer.concat([...(await gzipMember(text, 'deflate')), ...(await gzipMember(text, 'store'))])
    expect(gunzipSync(both).length).toBe(2 * text.length)
  })
})
