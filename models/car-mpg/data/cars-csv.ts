// data/cars.csv (the training channel) and data/cars-without-mpg.csv, written from vega-datasets'
// cars.json by `pnpm --filter @sagepack/model-car-mpg export-data`; a test keeps both equal to it.
//
// What happens to the 406 source cars, and why:
// - 8 have no mpg. A car without a label can be neither trained on nor scored, so they go to
//   cars-without-mpg.csv instead: complete features, empty mpg, a ready input for
//   `pnpm predict car-mpg --input models/car-mpg/data/cars-without-mpg.csv`.
// - 6 others have mpg but no horsepower; they are left out. Filling in the training mean (what the
//   preprocessor does with a missing number) would teach the model that a 51 hp Renault Le Car has
//   the fleet's ~104 hp; filling it in from displacement and weight fitted on all rows would leak the
//   test split into training; and they are 1.5% of the data. Left out, the training data has no
//   missing value at all, so the missing-values check runs with no tolerance and a data refresh that
//   brings gaps fails instead of being filled in silently; serving refuses rows with gaps likewise.
// - Year '1970-01-01' becomes the model year 1970. Everything else is copied as it is.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readVegaCars, type VegaCar } from './vega-cars'

export const CARS_COLUMNS = [
  'name',
  'cylinders',
  'displacement',
  'horsepower',
  'weight',
  'acceleration',
  'year',
  'origin',
  'mpg',
] as const

export interface CarsCsv {
  /** Every car with mpg and horsepower: what the model trains and is tested on. */
  labelled: string
  /** The cars without mpg, mpg left empty. */
  withoutMpg: string
  /** The cars left out for a missing horsepower, as `name (year)`. */
  leftOut: string[]
}

export function carsCsv(cars: readonly VegaCar[] = readVegaCars()): CarsCsv {
  const labelled = cars.filter((car) => car.mpg !== null && car.horsepower !== null)
  const withoutMpg = cars.filter((car) => car.mpg === null && car.horsepower !== null)
  const leftOut = cars.filter((car) => car.horsepower === null)
  return { labelled: toCsv(labelled), withoutMpg: toCsv(withoutMpg), leftOut: leftOut.map(describeCar) }
}

export const CARS_CSV_PATH = fileURLToPath(new URL('./cars.csv', import.meta.url))
export const CARS_WITHOUT_MPG_CSV_PATH = fileURLToPath(new URL('./cars-without-mpg.csv', import.meta.url))

function toCsv(cars: readonly VegaCar[]): string {
  const lines = cars.map((car) => CARS_COLUMNS.map((column) => csvField(car[column])).join(','))
  return `${[CARS_COLUMNS.join(','), ...lines].join('\n')}\n`
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function describeCar(car: VegaCar): string {
  return `${car.name} (${car.year})`
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const csv = carsCsv()
  writeFileSync(CARS_CSV_PATH, csv.labelled)
  writeFileSync(CARS_WITHOUT_MPG_CSV_PATH, csv.withoutMpg)
  process.stdout.write(
    `wrote ${CARS_CSV_PATH} and ${CARS_WITHOUT_MPG_CSV_PATH}; left out for a missing horsepower: ${csv.leftOut.join(', ')}\n`,
  )
}
