// The columns of data/cars.csv the model reads: seven specifications of a car and its fuel economy.
// The ranges are what a passenger car of model years 1970-1982 can physically have, a little wider
// than the data, so a unit slip (kg for lbs, litres for cubic inches) or a shifted column fails the
// value-range check instead of training quietly.
import type { DatasetSchema } from '@sagepack/core-data'

const CAR_ORIGINS = ['USA', 'Europe', 'Japan'] as const

export const carMpgSchema: DatasetSchema = {
  features: [
    {
      name: 'cylinders',
      kind: 'numeric',
      min: 3,
      max: 12,
      doc: 'engine cylinders (3 for the rotary Mazdas)',
    },
    { name: 'displacement', kind: 'numeric', min: 50, max: 500, doc: 'engine displacement, cubic inches' },
    { name: 'horsepower', kind: 'numeric', min: 40, max: 400, doc: 'engine power, hp' },
    { name: 'weight', kind: 'numeric', min: 1000, max: 6000, doc: 'curb weight, lbs' },
    { name: 'acceleration', kind: 'numeric', min: 5, max: 30, doc: 'seconds from 0 to 60 mph' },
    { name: 'year', kind: 'numeric', min: 1970, max: 1982, doc: 'model year, the years the data covers' },
    { name: 'origin', kind: 'categorical', categories: CAR_ORIGINS, doc: 'where the maker is from' },
  ],
  label: { name: 'mpg', kind: 'numeric', min: 5, max: 60 },
}
