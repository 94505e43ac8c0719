import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { readVegaCars, vegaCarsPath } from './vega-cars'

const source: Array<Record<string, unknown>> = JSON.parse(readFileSync(vegaCarsPath(), 'utf8'))

function readBroken(edit: (cars: Array<Record<string, unknown>>) => void): unknown {
  const cars = structuredClone(source)
  edit(cars)
  const path = join(mkdtempSync(join(tmpdir(), 'vega-cars-')), 'cars.json')
  writeFileSync(path, JSON.stringify(cars))
  try {
    readVegaCars(path)
  } catch (error) {
    return error
  }
  throw new Error('expected readVegaCars to fail')
}

describe('readVegaCars', () => {
  it('reads the 406 cars, with the model year from the date', () => {
    const cars = readVegaCars()
    expect(cars).toHaveLength(406)
    expect(cars[0]).toEqual({
      name: 'chevrolet chevelle malibu',
      mpg: 18,
      cylinders: 8,
      displacement: 307,
      horsepower: 130,
      weight: 3504,
      acceleration: 12,
      year: 1970,
      origin: 'USA',
    })
    expect(cars.filter((car) => car.mpg === null)).toHaveLength(8)
    expect(cars.filter((car) => car.horsepower === null)).toHaveLength(6)
  })

  it('names the car and field of a value of the wrong type', () => {
    const error = readBroken((cars) => {
      ;(cars[3] as Record<string, unknown>).Weight_in_lbs = '3433 lbs'
    })
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toMatch(/cars\.json, car 3 \(counting from 0\), field Weight_in_lbs$/)
    expect((error as UserError).problem).toBe('"3433 lbs" is not a number')
  })

  it('refuses a missing value where the source has none, and a year that is not a date', () => {
    const missing = readBroken((cars) => {
      ;(cars[0] as Record<string, unknown>).Cylinders = null
    })
    expect((missing as UserError).input).toContain('car 0 (counting from 0), field Cylinders')
    const year = readBroken((cars) => {
      ;(cars[1] as Record<string, unknown>).Year = 70
    })
    expect((year as UserError).input).toContain('car 1 (counting from 0), field Year')
  })
})
