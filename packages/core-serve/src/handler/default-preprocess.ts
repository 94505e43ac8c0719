// The default `preprocess` hook (SageMaker's input_fn after decoding): rows through the fitted
// preprocessor, exactly as in training; without one, rows are the model's numbers already.
import type { InputRow, LoadedModel } from './handler-api'
import { numericRows } from './numeric-rows'
import { checkRowLength, rowsToRecords } from './rows-to-records'

export function defaultPreprocess(rows: InputRow[], model: LoadedModel): Float32Array {
  const { preprocessor } = model
  if (!preprocessor) return numericRows(rows, model.predictor.inputWidth)
  // Rows of values (CSV lines, JSON `instances` lists) are read in place: no record per row.
  if (rows.every((row) => Array.isArray(row))) {
    const names = preprocessor.featureNames
    for (let index = 0; index < rows.length; index++) checkRowLength(rows[index] as unknown[], index, names)
    return preprocessor.transformValues(rows as unknown[][])
  }
  return preprocessor.transform(rowsToRecords(rows, preprocessor))
}
