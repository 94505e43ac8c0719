import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { jsonLinesCodec } from './jsonlines-codec'

function decodeError(text: string): UserError {
  try {
    jsonLinesCodec.decode(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`)
}

describe('jsonLinesCodec', () => {
  it('reads one row per line, objects or arrays, LF or CRLF, with a trailing newline', () => {
    expect(jsonLinesCodec.decode('{"a": 1}\r\n[1, 2]\n{"a": "x"}\n')).toEqual([{ a: 1 }, [1, 2], { a: 'x' }])
  })

  it('skips a byte order mark before the first line', () => {
    expect(jsonLinesCodec.decode('\uFEFF{"a": 1}\n{"a": 2}\n')).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('names the line that is not JSON', () => {
    const error = decodeError('{"a": 1}\n{"a": 2}\n{"a": 3,}\n')
    expect(error.message.split('\n')[0]).toMatch(/^line 3: not valid JSON \(.+\)$/)
  })

  it('names the line that is not an object or an array', () => {
    expect(decodeError('{"a": 1}\n42\n').message.split('\n')[0]).toBe(
      'line 2: expected an object or an array, got a number',
    )
  })

  it('refuses an empty line between records', () => {
    expect(decodeError('{"a": 1}\n\n{"a": 2}\n').input).toBe('line 2')
  })

  it('writes one JSON value per line', () => {
    expect(jsonLinesCodec.encode([1, 'b', { label: 'x', probabilities: [0.5, 0.5] }])).toBe(
      '1\n"b"\n{"label":"x","probabilities":[0.5,0.5]}\n',
    )
  })
})
