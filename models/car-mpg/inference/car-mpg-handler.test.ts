import { fitPreprocessor, isUserError, readDataset } from '@sagepack/core-data'
import type { InputRow, LoadedModel } from '@sagepack/core-serve'
import { beforeAll, describe, expect, it } from 'vitest'
import { CARS_CSV_PATH } from '../data/cars-csv'
import { carMpgSchema } from '../train/car-mpg-schema'
import handler from './index'

const context = { customAttributes: undefined }
let model: LoadedModel

beforeAll(async () => {
  const preprocessor = fitPreprocessor(carMpgSchema, await readDataset(CARS_CSV_PATH, carMpgSchema))
  model = { preprocessor, classes: null, config: {} } as unknown as LoadedModel
})

const impala = {
  cylinders: 8,
  displacement: 350,
  horsepower: 165,
  weight: 4209,
  acceleration: 12,
  year: 1971,
  origin: 'USA',
}
// The same car as a CSV line decodes: strings in the schema's feature order.
const impalaCsv = ['8', '350', '165', '4209', '12', '1971', 'USA']

function preprocessError(rows: InputRow[]): Error {
  try {
    handler.preprocess?.(rows, model, context)
  } catch (error) {
    expect(isUserError(error)).toBe(true)
    return error as Error
  }
  throw new Error('expected preprocess to refuse the rows')
}

describe('the car-mpg handler', () => {
  it('answers each row as its mpg, rounded to the 0.1 mpg the data is recorded in', () => {
    const outputs = Float32Array.from([14.2634, 27.06, 31.96])
    expect(handler.postprocess?.(outputs, [{}, {}, {}], model, context)).toEqual([
      { mpg: 14.3 },
      { mpg: 27.1 },
      { mpg: 32 },
    ])
  })

  it('fails as a model error when the outputs are not one value per row', () => {
    expect(() => handler.postprocess?.(Float32Array.from([1, 2]), [{}], model, context)).toThrow(
      'the model returned 2 values for 1 rows, expected one mpg each',
    )
  })

  it('preprocesses objects and CSV arrays of strings to the same features', async () => {
    const fromObject = await handler.preprocess?.([impala], model, context)
    const fromCsv = await handler.preprocess?.([impalaCsv], model, context)
    expect(fromCsv).toEqual(fromObject)
    expect(fromObject).toEqual(model.preprocessor?.transform([impala]))
  })

  it('refuses a row without horsepower instead of filling in the training mean', () => {
    expect(preprocessError([impala, { ...impala, horsepower: null }]).message).toBe(
      "row 1 (counting from 0), field 'horsepower': is missing; the model was trained on complete cars only and does not guess\n" +
        '  expected: a value for every one of cylinders, displacement, horsepower, weight, acceleration, year, origin\n' +
        '  fix: send every specification; look a missing one (e.g. horsepower) up in the data sheet of the car',
    )
    const blanks = impalaCsv.map((value, i) => (i === 2 || i === 6 ? '' : value))
    expect(preprocessError([blanks]).message).toContain(
      "row 0 (counting from 0), fields 'horsepower', 'origin': are missing",
    )
  })

  it('refuses an origin the model has no input for, and a value that is not a number', () => {
    expect(preprocessError([{ ...impala, origin: 'Germany' }]).message).toBe(
      'row 0 (counting from 0), field \'origin\': "Germany" does not fit\n  expected: one of "USA", "Europe", "Japan"',
    )
    expect(preprocessError([{ ...impala, weight: '4209 lbs' }]).message).toContain(
      'row 0 (counting from 0), field \'weight\': "4209 lbs" does not fit\n  expected: a number',
    )
  })

  it('refuses an array row with too few values, listing the order it expects', () => {
    expect(preprocessError([impalaCsv.slice(0, 6)]).message).toBe(
      'row 0 (counting from 0): has 6 values\n  expected: 7 values in this order: cylinders, displacement, horsepower, weight, acceleration, year, origin',
    )
  })
})
