// Fits a preprocessor on the training split: statistics and categories come from these rows only,
// so validation and test rows are transformed with nothing learned from them.
import type { DataRecord } from '../dataset/data-record'
import { UserError } from '../errors/user-error'
import { recordLocation } from '../readers/input-location'
import type { DatasetSchema, FeatureSpec } from '../schema/feature-schema'
import { type ReadResult, readNumber, readString } from '../values/read-cell-value'
import { DEFAULT_TEXT_DIMENSIONS } from './hashed-text'
import { fitCategoricalColumn } from './one-hot-categorical'
import { MAX_TEXT_DIMENSIONS } from './parse-preprocessor-state'
import { Preprocessor } from './preprocessor'
import { type ColumnState, PREPROCESSOR_FORMAT, type PreprocessorState } from './preprocessor-state'
import { fitNumericColumn } from './standardize-numeric'

export interface PreprocessorOptions {
  /** Hash buckets per text feature (default 1024). */
  textDimensions?: number
}

export function fitPreprocessor(
  schema: DatasetSchema,
  records: readonly DataRecord[],
  options: PreprocessorOptions = {},
): Preprocessor {
  const dimensions = textDimensionsOption(options.textDimensions)
  const columns = schema.features.map((feature) => fitColumn(feature, records, dimensions))
  const state: PreprocessorState = {
    format: PREPROCESSOR_FORMAT,
    features: structuredClone([...schema.features]),
    label: structuredClone(schema.label),
    columns,
  }
  // Through fromJSON, so a fitted preprocessor is exactly what loading its JSON would give.
  return Preprocessor.fromJSON(state)
}

function fitColumn(feature: FeatureSpec, records: readonly DataRecord[], dimensions: number): ColumnState {
  switch (feature.kind) {
    case 'numeric': {
      const values = presentValues(feature.name, records, readNumber)
      const column = fitNumericColumn(feature.name, values)
      if (!Number.isFinite(column.mean) || !Number.isFinite(column.std)) {
        throw new UserError({
          input: `training data, column '${feature.name}'`,
          problem: 'values are too large to compute a finite mean and standard deviation',
          expected: 'numbers well within ±1e300',
          fix: 'rescale the column (e.g. a log or a unit change) before training',
        })
      }
      return column
    }
    case 'categorical':
      return fitCategoricalColumn(feature, presentValues(feature.name, records, readString))
    case 'text':
      return { kind: 'text', name: feature.name, dimensions }
  }
}

/** The column's non-missing values, read the same way transform reads them. */
function presentValues<T>(
  name: string,
  records: readonly DataRecord[],
  read: (raw: unknown) => ReadResult<T>,
): T[] {
  const values: T[] = []
  for (const record of records) {
    const result = read(record.values[name])
    if (!result.ok) {
      throw new UserError({
        input: `${recordLocation(record)}, column '${name}'`,
        problem: result.problem,
        expected: result.expected,
      })
    }
    if (result.value !== null) values.push(result.value)
  }
  return values
}

function textDimensionsOption(value: unknown): number {
  if (value === undefined) return DEFAULT_TEXT_DIMENSIONS
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_TEXT_DIMENSIONS)
    return value
  throw new UserError({
    input: 'preprocessor option textDimensions',
    problem: `${JSON.stringify(value) ?? String(value)} is not a valid number of hash buckets`,
    expected: `an integer from 1 to ${MAX_TEXT_DIMENSIONS}`,
    fix: `set textDimensions to a power of two such as ${DEFAULT_TEXT_DIMENSIONS}`,
  })
}
