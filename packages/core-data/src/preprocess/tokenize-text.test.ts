import { describe, expect, it } from 'vitest'
import { tokenizeText } from './tokenize-text'

describe('tokenizeText', () => {
  it('lowercases runs of letters and digits and drops everything else', () => {
    expect(tokenizeText("Hello, WORLD! it's 2024-01_02")).toEqual([
      'hello',
      'world',
      'it',
      's',
      '2024',
      '01',
      '02',
    ])
  })

  it('keeps letters of any script and composed or decomposed accents alike', () => {
    expect(tokenizeText('Grüße aus 東京')).toEqual(['grüße', 'aus', '東京'])
    expect(tokenizeText('cafe\u0301')).toEqual(tokenizeText('caf\u00e9'))
    expect(tokenizeText('हिन्दी')).toEqual(['हिन्दी'])
  })

  it('returns no tokens for text without letters or digits', () => {
    expect(tokenizeText(' ... !! ')).toEqual([])
  })
})
