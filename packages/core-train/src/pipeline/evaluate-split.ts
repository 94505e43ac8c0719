// Predicts one split with the trained model and scores it; the same predictions become the split's
// results CSV, so a surprising metric can be traced to rows.
import { basename } from 'node:path'
import type { DataRecord, DatasetSchema, Preprocessor } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { type ClassificationMetrics, classificationMetrics } from '../metrics/classification-metrics'
import { type RegressionMetrics, regressionMetrics } from '../metrics/regression-metrics'

export interface SplitEvaluation {
  metrics: ClassificationMetrics | RegressionMetrics
  /** Header first, then one row per record. */
  table: Array<Array<string | number>>
}

export function predict(
  model: tf.LayersModel,
  features: Float32Array,
  rows: number,
  width: number,
): Float32Array {
  if (rows === 0) return new Float32Array(0)
  return tf.tidy(() => {
    const output = model.predict(tf.tensor2d(features, [rows, width])) as tf.Tensor
    return output.dataSync() as Float32Array
  })
}

export function evaluateSplit(
  model: tf.LayersModel,
  records: readonly DataRecord[],
  preprocessor: Preprocessor,
  schema: DatasetSchema,
): SplitEvaluation {
  const label = schema.label.name
  const features = preprocessor.transform(records.map((r) => r.values))
  const output = predict(model, features, records.length, preprocessor.width)
  const truth = preprocessor.encodeLabels(records.map((r) => r.values[label]))
  const where = (r: DataRecord) => [basename(r.source), r.line]
  const classes = preprocessor.classes()
  if (classes) {
    const k = classes.length
    const metrics = classificationMetrics(truth, output, k, [...classes])
    const table: SplitEvaluation['table'] = [
      ['source', 'line', label, 'predicted', ...classes.map((c) => `p_${c}`)],
    ]
    records.forEach((record, row) => {
      const probabilities = Array.from(output.subarray(row * k, row * k + k))
      const best = probabilities.indexOf(Math.max(...probabilities))
      table.push([...where(record), String(record.values[label]), classes[best] ?? '', ...probabilities])
    })
    return { metrics, table }
  }
  const metrics = regressionMetrics(truth, output)
  const table: SplitEvaluation['table'] = [['source', 'line', label, 'predicted']]
  records.forEach((record, row) => {
    table.push([...where(record), Number(record.values[label]), output[row] ?? Number.NaN])
  })
  return { metrics, table }
}
