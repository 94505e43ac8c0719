import { describe, expect, it } from 'vitest'
import { readNumber, readString } from './read-cell-value'

describe('readNumber', () => {
  it('reads numbers and decimal strings to the same value', () => {
    expect(readNumber(5.1)).toEqual({ ok: true, value: 5.1 })
    expect(readNumber(' 5.1 ')).toEqual({ ok: true, value: 5.1 })
    expect(readNumber('-1e-3')).toEqual({ ok: true, value: -0.001 })
    expect(readNumber('.5')).toEqual({ ok: true, value: 0.5 })
  })

  it('treats null, undefined, NaN, blank and NA-like text as missing', () => {
    for (const raw of [null, undefined, Number.NaN, '', '  ', 'NA', 'nan', 'null']) {
      expect(readNumber(raw)).toEqual({ ok: true, value: null })
    }
  })

  it('rejects text that is not plain decimal notation, infinities and other types', () => {
    for (const raw of ['abc', '0x1f', 'Infinity', '1,5', '1e999', Number.POSITIVE_INFINITY, true, {}, [1]]) {
      expect(readNumber(raw).ok).toBe(false)
    }
    expect(readNumber('abc')).toMatchObject({ problem: '"abc" is not a number' })
    expect(readNumber({})).toMatchObject({ problem: 'an object is not a number' })
  })
})

describe('readString', () => {
  it('reads strings as they are and numbers and booleans as their text', () => {
    expect(readString(' red ')).toEqual({ ok: true, value: ' red ' })
    expect(readString(42)).toEqual({ ok: true, value: '42' })
    expect(readString(true)).toEqual({ ok: true, value: 'true' })
  })

  it('treats null, undefined and the empty string as missing, and rejects objects', () => {
    expect(readString('')).toEqual({ ok: true, value: null })
    expect(readString(null)).toEqual({ ok: true, value: null })
    expect(readString(['a'])).toMatchObject({ ok: false, problem: 'an array is not a string' })
  })
})
