// The default `preprocess` hook (SageMaker's input_fn after decoding): rows through the fitted
// preprocessor, exactly as in training; without one, rows are the model's numbers already.
import type { InputRow, LoadedModel } from './handler-api'
import { numericRows } from './numeric-rows'
import { rowsToRecords } from './rows-to-records'

export function defaultPreprocess(rows: InputRow[], model: LoadedModel): Float32Array {
  if (!model.preprocessor) return numericRows(rows, model.predictor.inputWidth)
  return model.preprocessor.transform(rowsToRecords(rows, model.preprocessor))
}
