// Loads what the supervised pipeline saved in a model directory (tfjs model + fitted preprocessor)
// and predicts raw rows through the same preprocessing code that training used.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Preprocessor } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import { loadModelDir } from '../model-files/load-model-dir'
import { predict } from './evaluate-split'
import { PREPROCESSOR_FILE } from './supervised-train-entry'

export interface TrainedModel {
  model: tf.LayersModel
  preprocessor: Preprocessor
}

export async function loadTrainedModel(modelDir: string): Promise<TrainedModel> {
  const path = join(modelDir, PREPROCESSOR_FILE)
  const preprocessor = Preprocessor.fromJSON(JSON.parse(await readFile(path, 'utf8')), path)
  return { model: await loadModelDir(modelDir), preprocessor }
}

/** One output row per input row: class probabilities, or the single regression value. */
export function predictRows(trained: TrainedModel, rows: ReadonlyArray<Record<string, unknown>>): number[][] {
  const { model, preprocessor } = trained
  const output = predict(model, preprocessor.transform(rows), rows.length, preprocessor.width)
  const width = output.length / Math.max(rows.length, 1)
  return rows.map((_, row) => Array.from(output.subarray(row * width, row * width + width)))
}
