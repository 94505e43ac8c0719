import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { createSeededRandom } from './seeded-random'

const draw = (random: () => number, n = 5) => Array.from({ length: n }, () => random())

describe('createSeededRandom', () => {
  it('repeats its sequence for the same seed, number or string alike', () => {
    expect(draw(createSeededRandom(42))).toEqual(draw(createSeededRandom(42)))
    expect(draw(createSeededRandom(42))).toEqual(draw(createSeededRandom('42')))
  })

  it('gives a different sequence for a different seed, in [0, 1)', () => {
    const a = draw(createSeededRandom(1), 100)
    expect(a).not.toEqual(draw(createSeededRandom(2), 100))
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true)
  })

  it('rejects a seed that is not a finite number or a string', () => {
    expect(() => createSeededRandom(Number.NaN)).toThrow(UserError)
  })
})
