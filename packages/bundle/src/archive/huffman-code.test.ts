import { describe, expect, it } from 'vitest'
import { canonicalCodes, huffmanCodeLengths } from './huffman-code'

/** Sum of 2^-length over the used symbols: exactly 1 for a complete prefix code. */
function kraftSum(lengths: Uint8Array): number {
  return [...lengths].filter((length) => length > 0).reduce((sum, length) => sum + 2 ** -length, 0)
}

describe('huffmanCodeLengths', () => {
  it('gives frequent symbols short codes, unused ones none, in a complete code', () => {
    const lengths = huffmanCodeLengths([50, 0, 25, 12, 13], 15)
    expect([...lengths]).toEqual([1, 0, 2, 3, 3])
    expect(kraftSum(lengths)).toBe(1)
  })

  it('keeps codes within the limit where the optimal code is deeper, still complete', () => {
    // Fibonacci frequencies make the deepest optimal tree: 29 levels for 30 symbols.
    const fibonacci = [1, 1]
    while (fibonacci.length < 30) fibonacci.push((fibonacci.at(-1) as number) + (fibonacci.at(-2) as number))
    expect(Math.max(...huffmanCodeLengths(fibonacci, 32))).toBe(29)
    const limited = huffmanCodeLengths(fibonacci, 15)
    expect(Math.max(...limited)).toBeLessThanOrEqual(15)
    expect(Math.max(...limited)).toBeGreaterThan(5)
    expect(kraftSum(limited)).toBe(1)
  })

  it('breaks ties by symbol, so equal counts give the same code every time', () => {
    // The two lowest symbols are joined first, so the last one is left the short code.
    const lengths = huffmanCodeLengths([5, 5, 5], 15)
    expect([...lengths]).toEqual([2, 2, 1])
    expect([...huffmanCodeLengths([5, 5, 5], 15)]).toEqual([...lengths])
  })

  it('gives a lone symbol a 1-bit code and no symbol none', () => {
    expect([...huffmanCodeLengths([0, 9, 0], 15)]).toEqual([0, 1, 0])
    expect([...huffmanCodeLengths([0, 0], 15)]).toEqual([0, 0])
  })
})

describe('canonicalCodes', () => {
  it('assigns the codes of RFC 1951, 3.2.2, bit-reversed for the stream', () => {
    // The RFC's example: A-H with lengths (3, 3, 3, 3, 3, 2, 4, 4).
    const codes = canonicalCodes(Uint8Array.from([3, 3, 3, 3, 3, 2, 4, 4]), 15)
    const expected = ['010', '011', '100', '101', '110', '00', '1110', '1111']
    const reversed = expected.map((code) => Number.parseInt([...code].reverse().join(''), 2))
    expect([...codes]).toEqual(reversed)
  })
})
