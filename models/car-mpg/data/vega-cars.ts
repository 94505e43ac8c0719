// Reads cars.json as shipped by the npm package vega-datasets (the StatLib "auto-mpg" cars of model
// years 1970-1982) into typed rows, failing on any record that is not the shape this model expects.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'

export interface VegaCar {
  name: string
  /** Null in the 8 cars the source has no fuel economy for. */
  mpg: number | null
  cylinders: number
  /** Cubic inches. */
  displacement: number
  /** Null in the 6 cars the source has no horsepower for. */
  horsepower: number | null
  /** Pounds. */
  weight: number
  /** Seconds from 0 to 60 mph. */
  acceleration: number
  /** The model year, e.g. 1970 (the source writes it as the date '1970-01-01'). */
  year: number
  origin: string
}

/** cars.json inside the installed vega-datasets (its `exports` name only the JS entry, not the data). */
export function vegaCarsPath(): string {
  const entry = createRequire(import.meta.url).resolve('vega-datasets')
  return join(dirname(entry), '..', 'data', 'cars.json')
}

export function readVegaCars(path: string = vegaCarsPath()): VegaCar[] {
  const records: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(records)) {
    throw new UserError({ input: path, problem: 'is not a JSON list', expected: 'a list of car objects' })
  }
  return records.map((record: unknown, index) => toCar(record, `${path}, car ${index} (counting from 0)`))
}

const YEAR_DATE = /^(\d{4})-01-01$/

function toCar(record: unknown, where: string): VegaCar {
  if (typeof record !== 'object' || record === null) {
    throw shapeError(where, 'is not an object')
  }
  const fields = record as Record<string, unknown>
  const year = YEAR_DATE.exec(String(fields.Year))?.[1]
  if (year === undefined)
    throw shapeError(`${where}, field Year`, `${JSON.stringify(fields.Year)} is not a year date`)
  return {
    name: text(fields, 'Name', where),
    mpg: numberOrNull(fields, 'Miles_per_Gallon', where),
    cylinders: number(fields, 'Cylinders', where),
    displacement: number(fields, 'Displacement', where),
    horsepower: numberOrNull(fields, 'Horsepower', where),
    weight: number(fields, 'Weight_in_lbs', where),
    acceleration: number(fields, 'Acceleration', where),
    year: Number(year),
    origin: text(fields, 'Origin', where),
  }
}

function number(fields: Record<string, unknown>, key: string, where: string): number {
  const value = fields[key]
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw shapeError(`${where}, field ${key}`, `${JSON.stringify(value)} is not a number`)
}

/** For the two fields the source leaves null for some cars. */
function numberOrNull(fields: Record<string, unknown>, key: string, where: string): number | null {
  return fields[key] === null ? null : number(fields, key, where)
}

function text(fields: Record<string, unknown>, key: string, where: string): string {
  const value = fields[key]
  if (typeof value === 'string' && value !== '') return value
  throw shapeError(`${where}, field ${key}`, `${JSON.stringify(value)} is not a non-empty string`)
}

function shapeError(input: string, problem: string): UserError {
  return new UserError({
    input,
    problem,
    expected:
      'vega-datasets cars.json records: Name, Miles_per_Gallon, Cylinders, Displacement, Horsepower, Weight_in_lbs, Acceleration, Year ("YYYY-01-01"), Origin',
    fix: 'check the vega-datasets version in pnpm-workspace.yaml; a new release may have changed cars.json',
  })
}
