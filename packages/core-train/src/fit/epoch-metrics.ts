// Turns tfjs's metric values into epoch logs: names normalised ('acc' -> 'accuracy'), train metrics
// averaged over batches weighted by batch size, validation metrics from model.evaluate.
import * as tf from '@tensorflow/tfjs'
import type { EpochLogs, EpochProgress } from './epoch-logs'

/** tfjs abbreviates; the logs, metric lines and SageMaker metric names use the full word. */
const RENAMES: Record<string, string> = { acc: 'accuracy' }

function metricName(tfjsName: string): string {
  return RENAMES[tfjsName] ?? tfjsName
}

/** The names trainOnBatch/evaluate values come in; loss alone when the model was compiled without metrics. */
export function tfjsMetricNames(model: tf.LayersModel): string[] {
  return model.metricsNames?.length ? [...model.metricsNames] : ['loss']
}

export function addBatch(progress: EpochProgress, names: string[], values: number[], size: number): void {
  names.forEach((name, i) => {
    progress.sums[name] = (progress.sums[name] ?? 0) + (values[i] ?? Number.NaN) * size
  })
  progress.samples += size
  progress.batchesDone += 1
}

export function epochLogs(
  epoch: number,
  progress: EpochProgress,
  names: string[],
  validation?: number[],
): EpochLogs {
  const logs: EpochLogs = { epoch, train_loss: Number.NaN }
  for (const name of names)
    logs[`train_${metricName(name)}`] = (progress.sums[name] ?? Number.NaN) / progress.samples
  if (validation) {
    names.forEach((name, i) => {
      logs[`val_${metricName(name)}`] = validation[i] ?? Number.NaN
    })
  }
  return logs
}

export async function evaluateValidation(
  model: tf.LayersModel,
  validation: { x: tf.Tensor2D; y: tf.Tensor },
  batchSize: number,
): Promise<number[]> {
  const result = model.evaluate(validation.x, validation.y, { batchSize })
  const scalars = Array.isArray(result) ? result : [result]
  try {
    return await Promise.all(scalars.map(async (scalar) => (await scalar.data())[0] ?? Number.NaN))
  } finally {
    tf.dispose(scalars)
  }
}
