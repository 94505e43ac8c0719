import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DELIVERY_ROWS, DELIVERY_TIMES_CSV_PATH, deliveryTimesCsv } from './delivery-times-csv'

describe('data/delivery-times.csv', () => {
  it('is exactly what data/delivery-times-csv.ts generates (run `generate-data` after changing it)', () => {
    expect(readFileSync(DELIVERY_TIMES_CSV_PATH, 'utf8')).toBe(deliveryTimesCsv())
  })

  it('has a header and every row, each with a plausible delivery time', () => {
    const rows = deliveryTimesCsv().trim().split('\n').slice(1)
    expect(rows).toHaveLength(DELIVERY_ROWS)
    const minutes = rows.map((row) => Number(row.split(',').at(-1)))
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(5)
    expect(Math.max(...minutes)).toBeLessThan(120)
  })
})
