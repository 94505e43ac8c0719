import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { jsonCodec } from './json-codec'

function decodeError(text: string): UserError {
  try {
    jsonCodec.decode(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error(`expected ${text} to be refused`)
}

describe('jsonCodec.decode', () => {
  it('reads {"instances": [...]} with object rows and array rows', () => {
    expect(jsonCodec.decode('{"instances": [{"a": 1, "b": "x"}, [1, 2]]}')).toEqual([
      { a: 1, b: 'x' },
      [1, 2],
    ])
  })

  it('reads {"inputs": [...]} and a bare list of rows', () => {
    expect(jsonCodec.decode('{"inputs": [[1, 2], [3, 4]]}')).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(jsonCodec.decode('[{"a": 1}, {"a": 2}]')).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('skips a byte order mark at the start, as a file saved by some editors has', () => {
    expect(jsonCodec.decode('\uFEFF{"instances": [[1, 2]]}')).toEqual([[1, 2]])
  })

  it('reads a single object as one row', () => {
    expect(jsonCodec.decode('{"sepal_length": 5.1, "species": null}')).toEqual([
      { sepal_length: 5.1, species: null },
    ])
  })

  it('names the row that is not an object or an array', () => {
    const error = decodeError('{"instances": [{"a": 1}, "oops", {"a": 2}]}')
    expect(error.message.split('\n')[0]).toBe('row 2: expected an object or an array, got a string')
  })

  it('suggests wrapping a flat list of values in another list', () => {
    const error = decodeError('[5.1, 3.5, 1.4, 0.2]')
    expect(error.input).toBe('row 1')
    expect(error.problem).toBe('expected an object or an array, got a number')
    expect(error.fix).toContain('[[5.1, 3.5, 1.4, 0.2]]')
  })

  it('refuses "instances" that is not a list', () => {
    const error = decodeError('{"instances": {"a": 1}}')
    expect(error.message.split('\n')[0]).toBe('body: "instances" must be a list, got an object')
    expect(decodeError('{"inputs": 3}').problem).toBe('"inputs" must be a list, got a number')
  })

  it('refuses a scalar body', () => {
    expect(decodeError('"hello"').problem).toBe('expected a list of rows or an object, got a string')
  })

  it('reads JSON Lines sent as application/json, as Batch Transform does with SplitType=Line', () => {
    expect(jsonCodec.decode('{"a": 1}\n{"a": 2}\n')).toEqual([{ a: 1 }, { a: 2 }])
    expect(jsonCodec.decode('[1, 2]\r\n[3, 4]')).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(decodeError('{"a": 1}\n{"a": 2\n{"a": 3}\n').message.split('\n')[0]).toMatch(
      /^line 2: not valid JSON/,
    )
  })

  it('places a syntax error at a line and column of the body', () => {
    const error = decodeError('{\n  "instances": [\n    [1, 2],\n    [3, 4\n  ]\n}')
    // The inner list closes on line 5, so the missing bracket shows where the `}` arrives.
    expect(error.input).toBe('body, line 6 column 1')
    expect(error.problem).toMatch(/^not valid JSON \(.+\)$/)
  })
})

describe('jsonCodec.encode', () => {
  it('wraps predictions in {"predictions": [...]}', () => {
    expect(JSON.parse(jsonCodec.encode([1, 'b', { label: 'setosa', probabilities: [0.9, 0.1] }]))).toEqual({
      predictions: [1, 'b', { label: 'setosa', probabilities: [0.9, 0.1] }],
    })
  })
})
