import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { type CsvRow, type ReadCsvOptions, readCsv } from './read-csv'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-read-csv-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function readFile(text: string, options?: ReadCsvOptions): Promise<{ path: string; rows: CsvRow[] }> {
  const path = join(dir, 'data.csv')
  await writeFile(path, text)
  const rows: CsvRow[] = []
  for await (const row of readCsv(createReadStream(path), path, options)) rows.push(row)
  return { path, rows }
}

async function errorOf(text: string): Promise<{ path: string; error: UserError }> {
  const path = join(dir, 'data.csv')
  try {
    await readFile(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return { path, error: error as UserError }
  }
  throw new Error('expected readCsv to fail')
}

describe('readCsv', () => {
  it('names fields by the header and numbers each row by the line it starts on', async () => {
    const { rows } = await readFile('id,note\n1,"two\nlines"\n\n2,plain\n3,""\n')
    expect(rows).toEqual([
      { line: 2, fields: { id: '1', note: 'two\nlines' } },
      { line: 5, fields: { id: '2', note: 'plain' } },
      { line: 6, fields: { id: '3', note: '' } },
    ])
  })

  it('counts a CRLF inside a quoted field as one line', async () => {
    const { rows } = await readFile('id,note\r\n1,"a\r\nb\r\nc"\r\n\r\n2,x\r\n3,y')
    expect(rows.map((row) => row.line)).toEqual([2, 6, 7])
    expect(rows[0]?.fields.note).toBe('a\r\nb\r\nc')
  })

  it('keeps the line count when chunks split a CRLF or a quoted field', async () => {
    const byteByByte = (text: string) =>
      Readable.from([...Buffer.from(text)].map((byte) => Buffer.from([byte])))
    const rows: CsvRow[] = []
    for await (const row of readCsv(
      byteByByte('id,note\r\n1,"a\r\nb"\r\n\r\n2,x\r\n3,y\r\n'),
      'chunks.csv',
    )) {
      rows.push(row)
    }
    expect(rows.map((row) => row.line)).toEqual([2, 5, 6])
    const reading = (async () => {
      for await (const _ of readCsv(
        byteByByte('id,note\r\n1,"a\r\nb"\r\n\r\n2,x\r\n3,y,z\r\n'),
        'chunks.csv',
      )) {
      }
    })()
    await expect(reading).rejects.toThrow('chunks.csv:6, column 3: the row has 3 fields but the header has 2')
  })

  it('skips a byte order mark and blank lines before the header, trims header names', async () => {
    const seen: [readonly string[], number][] = []
    const { rows } = await readFile('\uFEFF\n\na , b\n1,2\n', {
      onHeader: (columns, line) => seen.push([columns, line]),
    })
    expect(seen).toEqual([[['a', 'b'], 3]])
    expect(rows).toEqual([{ line: 4, fields: { a: '1', b: '2' } }])
  })

  it('reports a row with too many fields at its line, after a quoted field spanning two lines', async () => {
    const { path, error } = await errorOf('a,b,c\n1,"x\ny",3\n4,5,6\n7,8,9,10\n')
    expect(error.message).toBe(
      [
        `${path}:5, column 4: the row has 4 fields but the header has 3`,
        '  expected: 3 fields, like the header on line 1',
        '  fix: quote values that contain a comma ("1,5"), or remove the extra fields',
      ].join('\n'),
    )
  })

  it('names the first column without a field when a row is short', async () => {
    const { path, error } = await errorOf('a,b,c\n1,"x\ny",3\n4,5\n')
    expect(error.input).toBe(`${path}:4, column c`)
    expect(error.problem).toBe('the row has 2 fields but the header has 3; this column has no field')
  })

  it('reports an unclosed quote at the line of the row it opens in', async () => {
    const { path, error } = await errorOf('a,b\n1,"x\ny"\n\n2,"never closed\n3,4\n5,6\n')
    expect(error.input).toBe(`${path}:5, column b`)
    expect(error.problem).toBe('a quoted field opened in the row starting on this line is never closed')
  })

  it('reports characters after a closing quote at their line', async () => {
    const { path, error } = await errorOf('a,b\r\n1,"x\r\ny"\r\n2,"ok"x\r\n')
    expect(error.input).toBe(`${path}:4, column b`)
    expect(error.problem).toBe('characters follow the closing quote of a quoted field')
  })

  it('reports a quote inside an unquoted field', async () => {
    const { path, error } = await errorOf('a,b\n1,2\n3,5\'11"\n')
    expect(error.input).toBe(`${path}:3, column b`)
    expect(error.problem).toBe('a quote appears inside an unquoted field')
  })

  it('refuses an empty column name in the header', async () => {
    const { path, error } = await errorOf('a,,c\n1,2,3\n')
    expect(error.input).toBe(`${path}:1, column 2`)
    expect(error.problem).toBe('the header has an empty column name')
  })

  it('refuses a column named twice in the header', async () => {
    const { path, error } = await errorOf('a,b,a\n1,2,3\n')
    expect(error.input).toBe(`${path}:1, column 3`)
    expect(error.problem).toBe('the header names column "a" twice (columns 1 and 3)')
  })

  it('refuses a file without a header', async () => {
    const { path, error } = await errorOf('\n\n')
    expect(error.message).toBe(
      `${path}: the file is empty\n  expected: a header line naming the columns, then one row per line`,
    )
  })

  it('stops reading when onHeader throws', async () => {
    await expect(
      readFile('a\n1\n', {
        onHeader: () => {
          throw new Error('stop')
        },
      }),
    ).rejects.toThrow('stop')
  })
})
