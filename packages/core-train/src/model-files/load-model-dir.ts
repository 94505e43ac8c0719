// Loads a model directory written by saveModelDir (or by the tfjs converter) back into a LayersModel,
// with an error that names the directory and the file when something is missing or damaged.

import { join } from 'node:path'
import { readTfjsModelFiles, UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { MODEL_JSON } from './model-dir-layout'

export async function loadModelDir(dir: string): Promise<tf.LayersModel> {
  const artifacts = await readModelArtifacts(dir)
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts))
  } catch (error) {
    throw new UserError(
      {
        input: join(dir, MODEL_JSON),
        problem: `it does not describe a tfjs layers model (${(error as Error).message})`,
        fix: 'save the model again; a partial copy or a hand edit can cause this',
      },
      { cause: error },
    )
  }
}

export async function readModelArtifacts(dir: string): Promise<tf.io.ModelArtifacts> {
  // The shared reader's plain object is exactly what tfjs's in-memory loader takes.
  return (await readTfjsModelFiles(dir)) as unknown as tf.io.ModelArtifacts
}
