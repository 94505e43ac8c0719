// The default `postprocess` hook (SageMaker's output_fn before encoding): a classifier's softmax row
// becomes `{ label, probabilities }`, a regressor's single output the number, several outputs a list.
import type { InputRow, LoadedModel, Prediction } from './handler-api'

export function defaultPostprocess(
  outputs: Float32Array,
  rows: InputRow[],
  model: LoadedModel,
): Prediction[] {
  if (rows.length === 0) return []
  // From the outputs rather than predictor.outputWidth: a custom predict may return another width.
  const width = outputs.length / rows.length
  if (!Number.isInteger(width) || width < 1) {
    throw new Error(`the model returned ${outputs.length} values for ${rows.length} rows`)
  }
  const { classes } = model
  if (classes) {
    if (classes.length !== width) {
      throw new Error(`the model returned ${width} values per row for ${classes.length} classes`)
    }
    return rows.map((_, row) => classify(outputs.subarray(row * width, (row + 1) * width), classes))
  }
  if (width === 1) return Array.from(outputs)
  return rows.map((_, row) => Array.from(outputs.subarray(row * width, (row + 1) * width)))
}

function classify(probabilities: Float32Array, classes: readonly string[]): Prediction {
  let best = 0
  const byClass: Record<string, number> = {}
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index] as number
    byClass[classes[index] as string] = p
    if (p > (probabilities[best] as number)) best = index
  }
  return { label: classes[best] as string, probabilities: byClass }
}
