// The inference handler: SageMaker's model_fn / input_fn / predict_fn / output_fn as optional hooks.
// The runtime's defaults load the ONNX model and the fitted preprocessor and turn each message into
// the same hashed bag of words as training did; this only shapes the answer. Add `load`, `preprocess`
// or `predict` here when the model needs them (see InferenceHandler in @sagepack/core-serve).
// Plain loops over the output matrix: postprocess runs for every row the endpoint serves.
import { defineHandler } from '@sagepack/core-serve'
import { QUEUES } from '../train/schema'

export default defineHandler({
  /** One answer per message: the most probable queue, and the probability of each queue. */
  postprocess(outputs, rows, model) {
    const queues = model.classes ?? QUEUES
    const k = queues.length
    return rows.map((_, row) => {
      const probabilities: Record<string, number> = {}
      let best = 0
      for (let i = 0; i < k; i++) {
        const p = outputs[row * k + i] as number
        probabilities[queues[i] as string] = p
        if (p > (outputs[row * k + best] as number)) best = i
      }
      return { queue: queues[best] ?? 'unknown', probabilities }
    })
  },
})
