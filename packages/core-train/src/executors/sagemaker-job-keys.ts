// Where one SageMaker training run keeps its files in the artifact store, all under
// training/<model>/<run-id>/, so a run's inputs, code, outputs and checkpoints sit side by side.
import type { ArtifactStore } from '@sagepack/core-data'
import { TRAINING_CODE_FILE } from '../contract/train-code-location'

export interface TrainingJobKeys {
  /** The prefix a file:// channel's data is uploaded under (its S3Uri). */
  channel(name: string): string
  /** The code channel's prefix and the training code in it. */
  code: string
  codeFile: string
  /** OutputDataConfig.S3OutputPath: SageMaker writes <output><job>/output/{model,output}.tar.gz. */
  output: string
  checkpoints: string
  /** /opt/ml/output/data as SageMaker uploads it. */
  outputArchive(jobName: string): string
}

export function trainingJobKeys(model: string, runId: string): TrainingJobKeys {
  const prefix = `training/${model}/${runId}/`
  const output = `${prefix}output/`
  return {
    channel: (name) => `${prefix}input/${name}/`,
    code: `${prefix}code/`,
    codeFile: `${prefix}code/${TRAINING_CODE_FILE}`,
    output,
    checkpoints: `${prefix}checkpoints/`,
    outputArchive: (jobName) => `${output}${jobName}/output/output.tar.gz`,
  }
}

/** The key of an S3 URI SageMaker reports (e.g. ModelArtifacts), which must lie in the store. */
export function keyInStore(store: ArtifactStore, uri: string): string {
  if (!uri.startsWith(store.root)) {
    throw new Error(`SageMaker reported ${uri}, which is outside the artifact store ${store.root}`)
  }
  return uri.slice(store.root.length)
}
