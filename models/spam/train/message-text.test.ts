import { describe, expect, it } from 'vitest'
import { MAX_TEXT_CHARS, messageText } from './message-text'

describe('messageText', () => {
  it('collapses every run of whitespace to one space and trims', () => {
    expect(messageText('  Hello,\r\n\tworld  again \n')).toBe('Hello, world again')
  })

  it('cuts a long text at the last word boundary within MAX_TEXT_CHARS', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ')
    const text = messageText(words)
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS)
    expect(words.startsWith(`${text} `)).toBe(true)
    expect(messageText(text)).toBe(text)
  })

  it('cuts a text without spaces at MAX_TEXT_CHARS', () => {
    expect(messageText('x'.repeat(MAX_TEXT_CHARS + 5))).toBe('x'.repeat(MAX_TEXT_CHARS))
  })
})
