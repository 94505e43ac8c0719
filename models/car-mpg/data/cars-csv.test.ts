import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CARS_COLUMNS, CARS_CSV_PATH, CARS_WITHOUT_MPG_CSV_PATH, carsCsv } from './cars-csv'

const csv = carsCsv()
const rowsOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
const column = (name: (typeof CARS_COLUMNS)[number]) => CARS_COLUMNS.indexOf(name)

describe('data/cars.csv and data/cars-without-mpg.csv', () => {
  it('are exactly what export-data writes from vega-datasets cars.json', () => {
    expect(readFileSync(CARS_CSV_PATH, 'utf8')).toBe(csv.labelled)
    expect(readFileSync(CARS_WITHOUT_MPG_CSV_PATH, 'utf8')).toBe(csv.withoutMpg)
  })

  it('hold every one of the 406 source cars but the 6 without horsepower', () => {
    expect(rowsOf(csv.labelled)).toHaveLength(392)
    expect(rowsOf(csv.withoutMpg)).toHaveLength(8)
    expect(csv.leftOut).toEqual([
      'ford pinto (1971)',
      'ford maverick (1974)',
      'renault lecar deluxe (1980)',
      'ford mustang cobra (1980)',
      'renault 18i (1982)',
      'amc concord dl (1982)',
    ])
  })

  it('train on complete rows only, and keep the cars without mpg complete but for mpg', () => {
    for (const row of rowsOf(csv.labelled)) {
      expect(row).toHaveLength(CARS_COLUMNS.length)
      expect(row.every((value) => value !== '')).toBe(true)
    }
    for (const row of rowsOf(csv.withoutMpg)) {
      expect(row[column('mpg')]).toBe('')
      expect(row.filter((value) => value === '')).toHaveLength(1)
    }
  })

  it('write the model year as a number and the origin as one of three regions', () => {
    const rows = rowsOf(csv.labelled)
    expect(new Set(rows.map((row) => row[column('origin')]))).toEqual(new Set(['USA', 'Europe', 'Japan']))
    const years = rows.map((row) => Number(row[column('year')]))
    expect(Math.min(...years)).toBe(1970)
    expect(Math.max(...years)).toBe(1982)
  })
})
