import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { csvCodec } from './csv-codec'

function decodeError(text: string): UserError {
  try {
    csvCodec.decode(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`)
}

describe('csvCodec.decode', () => {
  it('reads one record per line as strings, LF or CRLF, with a trailing newline', () => {
    const rows = [
      ['5.1', '3.5', '1.4', '0.2'],
      ['6.2', '2.9', '4.3', '1.3'],
    ]
    expect(csvCodec.decode('5.1,3.5,1.4,0.2\n6.2,2.9,4.3,1.3\n')).toEqual(rows)
    expect(csvCodec.decode('5.1,3.5,1.4,0.2\r\n6.2,2.9,4.3,1.3\r\n')).toEqual(rows)
    expect(csvCodec.decode('5.1,3.5,1.4,0.2\r\n6.2,2.9,4.3,1.3')).toEqual(rows)
    expect(csvCodec.decode('1,2\n\n\r\n')).toEqual([['1', '2']])
  })

  it('keeps empty fields', () => {
    expect(csvCodec.decode(',a,\n"",b,""\n')).toEqual([
      ['', 'a', ''],
      ['', 'b', ''],
    ])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const text = '1,"a, b",x\r\n2,"say ""hi""","two\r\nlines"\r\n3,"",end\r\n"4"\r\n'
    expect(csvCodec.decode(text)).toEqual([
      ['1', 'a, b', 'x'],
      ['2', 'say "hi"', 'two\r\nlines'],
      ['3', '', 'end'],
      ['4'],
    ])
  })

  it('skips a byte order mark at the start, as Excel writes one before a quoted first field', () => {
    expect(csvCodec.decode('\uFEFF"a, b",c\r\nd,e\r\n')).toEqual([
      ['a, b', 'c'],
      ['d', 'e'],
    ])
    expect(csvCodec.decode('\uFEFF5.1,3.5\n')).toEqual([['5.1', '3.5']])
  })

  it('refuses an empty line between records, naming it, since predictions are joined to lines by position', () => {
    expect(decodeError('1,2\n\n3,4\n').message.split('\n')[0]).toBe('line 2: empty line between records')
    expect(decodeError('"1",2\r\n\r\n3,4\r\n').input).toBe('line 2')
  })

  it('names the line and field of an unclosed quote, counting line breaks inside quotes', () => {
    const error = decodeError('1,"two\nlines",3\n4,5,"never closed\n')
    expect(error.input).toBe('line 3, field 3')
    expect(error.problem).toBe('the quoted field is never closed')
  })

  it('names text after a closing quote and a stray quote in an unquoted field', () => {
    expect(decodeError('1,2\n3,"4"x\n').input).toBe('line 2, field 2')
    const stray = decodeError('1,2\n3,4\n5,6 "inch"\n')
    expect(stray.input).toBe('line 3, field 2')
    expect(stray.problem).toBe('a quote inside a field that does not start with one')
  })
})

describe('csvCodec.encode', () => {
  it('writes one line per prediction: scalars as is, objects as their values with lists spread', () => {
    const text = csvCodec.encode([
      0.5,
      'setosa',
      [1.5, -2],
      { label: 'versicolor', probabilities: [0.1, 0.8, 0.1] },
      { label: 'a "quoted", label', score: null },
    ])
    expect(text).toBe('0.5\nsetosa\n1.5,-2\nversicolor,0.1,0.8,0.1\n"a ""quoted"", label",\n')
  })

  it('reads back what it writes', () => {
    const predictions = [
      { label: 'x,y', probabilities: [1, 0] },
      { label: 'two\nlines', probabilities: [0, 1] },
    ]
    expect(csvCodec.decode(csvCodec.encode(predictions))).toEqual([
      ['x,y', '1', '0'],
      ['two\nlines', '0', '1'],
    ])
  })
})
