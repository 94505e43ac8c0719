// The car-mpg inference handler: the runtime's defaults load the ONNX model and the fitted
// preprocessor; this refuses rows with gaps (see require-complete-rows.ts) and answers each row as
// `{ "mpg": 27.3 }`, rounded to the 0.1 mpg the training data is recorded in.
import { defaultPreprocess, defineHandler } from '@sagepack/core-serve'
import { carMpgSchema } from '../train/car-mpg-schema'
import { requireCompleteRows } from './require-complete-rows'

export default defineHandler({
  preprocess(rows, model) {
    // The checked rows go on as typed records, so array rows are not read into records a second time.
    return defaultPreprocess(requireCompleteRows(rows, carMpgSchema), model)
  },
  postprocess(outputs, rows) {
    if (outputs.length !== rows.length) {
      throw new Error(
        `the model returned ${outputs.length} values for ${rows.length} rows, expected one mpg each`,
      )
    }
    return rows.map((_, row) => ({ mpg: Math.round((outputs[row] as number) * 10) / 10 }))
  },
})
