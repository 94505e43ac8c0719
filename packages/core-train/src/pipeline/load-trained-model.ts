// Loads what the supervised pipeline saved in a model directory (tfjs model + fitted preprocessor)
// and predicts raw rows through the same preprocessing code that training used.
import { join } from 'node:path'
import { PREPROCESSOR_FILE, Preprocessor, readJsonFile } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import { loadModelDir } from '../model-files/load-model-dir'
import { predict } from './evaluate-split'

export interface TrainedModel {
  model: tf.LayersModel
  preprocessor: Preprocessor
}

export async function loadTrainedModel(modelDir: string): Promise<TrainedModel> {
  const path = join(modelDir, PREPROCESSOR_FILE)
  const json = await readJsonFile(path, {
    expected: `the ${PREPROCESSOR_FILE} that the supervised pipeline saves beside the model`,
    fix: `point at the model/ folder of a completed run (runs/<model>/<run-id>/model)`,
  })
  const preprocessor = Preprocessor.fromJSON(json, path)
  return { model: await loadModelDir(modelDir), preprocessor }
}

/** One output row per input row: class probabilities, or the single regression value. */
export function predictRows(trained: TrainedModel, rows: ReadonlyArray<Record<string, unknown>>): number[][] {
  const { model, preprocessor } = trained
  const output = predict(model, preprocessor.transform(rows), rows.length, preprocessor.width)
  const width = output.length / Math.max(rows.length, 1)
  return rows.map((_, row) => Array.from(output.subarray(row * width, row * width + width)))
}
