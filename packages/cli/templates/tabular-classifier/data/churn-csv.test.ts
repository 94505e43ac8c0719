import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHURN_CSV_PATH, CHURN_ROWS, churnCsv } from './churn-csv'

describe('data/churn.csv', () => {
  it('is exactly what data/churn-csv.ts generates (run `generate-data` after changing it)', () => {
    expect(readFileSync(CHURN_CSV_PATH, 'utf8')).toBe(churnCsv())
  })

  it('has a header and every row, with both classes well represented', () => {
    const rows = churnCsv().trim().split('\n').slice(1)
    expect(rows).toHaveLength(CHURN_ROWS)
    const churned = rows.filter((row) => row.endsWith(',yes')).length
    expect(churned / rows.length).toBeGreaterThan(0.3)
    expect(churned / rows.length).toBeLessThan(0.7)
  })
})
