// The inference handler: SageMaker's model_fn / input_fn / predict_fn / output_fn as optional hooks.
// The runtime's defaults load the ONNX model and the fitted preprocessor and turn each request row
// into features exactly as training did; this only shapes the answer. Add `load`, `preprocess` or
// `predict` here when the model needs them (see InferenceHandler in @sagepack/core-serve).
import { defineHandler } from '@sagepack/core-serve'

export default defineHandler({
  /** One answer per row: the predicted minutes, to a tenth of a minute (more would be false precision). */
  postprocess(outputs, rows) {
    return rows.map((_, row) => ({ minutes: Math.round((outputs[row] as number) * 10) / 10 }))
  },
})
