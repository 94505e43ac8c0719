// The iris inference handler: the runtime's defaults load the ONNX model and the fitted
// preprocessor; this only shapes the answer as a species and the probability of each species.
import { defineHandler } from '@sagepack/core-serve'
import { IRIS_SPECIES } from '../train/iris-schema'

export default defineHandler({
  postprocess(outputs, rows, model) {
    const species = model.classes ?? IRIS_SPECIES
    const k = species.length
    return rows.map((_, row) => {
      const p = Array.from(outputs.subarray(row * k, row * k + k))
      const best = p.indexOf(Math.max(...p))
      return {
        species: species[best] ?? 'unknown',
        probabilities: Object.fromEntries(species.map((name, i) => [name, p[i] ?? 0])),
      }
    })
  },
})
