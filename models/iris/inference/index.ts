// The iris inference handler: the runtime's defaults load the ONNX model and the fitted
// preprocessor; this only shapes the answer as a species and the probability of each species.
// Plain loops over the output matrix: postprocess runs for every row the endpoint serves.
import { defineHandler } from '@sagepack/core-serve'
import { IRIS_SPECIES } from '../train/iris-schema'

export default defineHandler({
  postprocess(outputs, rows, model) {
    const species = model.classes ?? IRIS_SPECIES
    const k = species.length
    return rows.map((_, row) => {
      const probabilities: Record<string, number> = {}
      let best = 0
      for (let i = 0; i < k; i++) {
        const p = outputs[row * k + i] as number
        probabilities[species[i] as string] = p
        if (p > (outputs[row * k + best] as number)) best = i
      }
      return { species: species[best] ?? 'unknown', probabilities }
    })
  },
})
