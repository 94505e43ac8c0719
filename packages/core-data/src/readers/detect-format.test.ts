import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { contentTypeOfFile, detectFormat } from './detect-format'

describe('detectFormat', () => {
  it.each([
    ['/data/train.csv', 'csv'],
    ['/data/TRAIN.CSV', 'csv'],
    ['part-0.jsonl', 'jsonl'],
    ['part-0.ndjson', 'jsonl'],
  ])('takes %s as %s', (name, format) => {
    expect(detectFormat(name)).toBe(format)
  })

  it.each([
    ['text/csv', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['application/jsonlines', 'jsonl'],
    ['application/json-lines', 'jsonl'],
    ['Application/X-NDJSON', 'jsonl'],
  ])('takes content type %s as %s, over the extension', (contentType, format) => {
    expect(detectFormat('part-00000.txt', contentType)).toBe(format)
  })

  it('refuses an unknown extension', () => {
    expect(() => detectFormat('/data/train.parquet')).toThrow(
      new UserError({
        input: '/data/train.parquet',
        problem: 'cannot tell the data format from the extension ".parquet"',
        expected: 'a file ending in .csv, .jsonl, .ndjson',
        fix: 'rename the file, or give the format or content type (text/csv, application/jsonlines) explicitly',
      }),
    )
  })

  it('refuses a name without an extension', () => {
    expect(() => detectFormat('/data.d/part-00000')).toThrow('/data.d/part-00000: has no file extension')
  })

  it('refuses an unknown content type', () => {
    expect(() => detectFormat('x.csv', 'application/json')).toThrow(
      'x.csv (content type "application/json"): unsupported content type\n' +
        '  expected: one of text/csv, application/jsonlines, application/json-lines, application/x-jsonlines, application/x-ndjson',
    )
  })
})

describe('contentTypeOfFile', () => {
  it('gives the channel content type an extension implies, and nothing for others', () => {
    expect(contentTypeOfFile('data/iris.csv')).toBe('text/csv')
    expect(contentTypeOfFile('/x/part-0.JSONL')).toBe('application/jsonlines')
    expect(contentTypeOfFile('s3://b/k.ndjson')).toBe('application/jsonlines')
    expect(contentTypeOfFile('data/')).toBeUndefined()
    expect(contentTypeOfFile('notes.txt')).toBeUndefined()
  })
})
