import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SUPPORT_TICKETS_CSV_PATH, supportTicketsCsv, TICKET_ROWS } from './support-tickets-csv'

describe('data/support-tickets.csv', () => {
  it('is exactly what data/support-tickets-csv.ts generates (run `generate-data` after changing it)', () => {
    expect(readFileSync(SUPPORT_TICKETS_CSV_PATH, 'utf8')).toBe(supportTicketsCsv())
  })

  it('has a header and every row, one message and its queue each (no commas inside a message)', () => {
    const rows = supportTicketsCsv().trim().split('\n').slice(1)
    expect(rows).toHaveLength(TICKET_ROWS)
    for (const row of rows) expect(row).toMatch(/^[^,]+,(billing|technical|account)$/)
  })
})
