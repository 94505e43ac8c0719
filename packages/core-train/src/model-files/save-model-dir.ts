// Saves a tfjs LayersModel as model.json + weights.bin in a directory, atomically, without tfjs-node.
import * as tf from '@tensorflow/tfjs'
import { MODEL_JSON, WEIGHTS_BIN } from './model-dir-layout'
import { writeDirectoryAtomic } from './write-directory-atomic'

export async function saveModelDir(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData
        ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
        : new ArrayBuffer(0)
      await writeDirectoryAtomic(dir, {
        [MODEL_JSON]: `${JSON.stringify(modelJson(artifacts))}\n`,
        [WEIGHTS_BIN]: new Uint8Array(weights),
      })
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) }
    }),
  )
}

function modelJson(artifacts: tf.io.ModelArtifacts): tf.io.ModelJSON {
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
  }
  if (artifacts.trainingConfig != null) json.trainingConfig = artifacts.trainingConfig
  if (artifacts.userDefinedMetadata != null) json.userDefinedMetadata = artifacts.userDefinedMetadata
  if (artifacts.signature != null) json.signature = artifacts.signature
  return json
}
