import { describe, expect, it } from 'vitest'
import { codecForContentType, responseFormatFor } from './codec-registry'

describe('codecForContentType', () => {
  it('finds each codec by its media types, ignoring case and parameters such as charset', () => {
    expect(codecForContentType('application/json')?.mediaType).toBe('application/json')
    expect(codecForContentType('Application/JSON; charset=utf-8')?.mediaType).toBe('application/json')
    expect(codecForContentType('text/csv;charset=UTF-8')?.mediaType).toBe('text/csv')
    for (const type of ['application/jsonlines', 'application/jsonl', 'application/x-ndjson']) {
      expect(codecForContentType(type)?.mediaType).toBe('application/jsonlines')
    }
  })

  it('finds nothing for other types', () => {
    expect(codecForContentType('text/plain')).toBeUndefined()
    expect(codecForContentType('application/x-www-form-urlencoded')).toBeUndefined()
  })
})

describe('responseFormatFor', () => {
  it('answers with the type the client named, or JSON for wildcards', () => {
    expect(responseFormatFor('application/x-ndjson')).toMatchObject({ mediaType: 'application/x-ndjson' })
    expect(responseFormatFor('application/x-ndjson')?.codec.mediaType).toBe('application/jsonlines')
    expect(responseFormatFor(undefined)?.mediaType).toBe('application/json')
    expect(responseFormatFor('application/*')?.mediaType).toBe('application/json')
    expect(responseFormatFor('text/html')).toBeUndefined()
  })
})
