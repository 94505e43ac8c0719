// The SageMaker training filesystem contract, rooted at /opt/ml in the container and at the run
// directory locally, so one set of paths serves both executors.
import { join } from 'node:path'

export const SAGEMAKER_ROOT = '/opt/ml'

export interface TrainingLayout {
  root: string
  inputDir: string
  inputConfigDir: string
  hyperparametersFile: string
  inputDataConfigFile: string
  resourceConfigFile: string
  dataDir: string
  modelDir: string
  checkpointsDir: string
  outputDir: string
  /** Uploaded by SageMaker as output.tar.gz: metrics, results, the resolved config. */
  outputDataDir: string
  /** The reason for a failed job; SageMaker shows its first 1024 characters as FailureReason. */
  failureFile: string
}

export function trainingLayout(root: string = SAGEMAKER_ROOT): TrainingLayout {
  const inputConfigDir = join(root, 'input', 'config')
  return {
    root,
    inputDir: join(root, 'input'),
    inputConfigDir,
    hyperparametersFile: join(inputConfigDir, 'hyperparameters.json'),
    inputDataConfigFile: join(inputConfigDir, 'inputdataconfig.json'),
    resourceConfigFile: join(inputConfigDir, 'resourceconfig.json'),
    dataDir: join(root, 'input', 'data'),
    modelDir: join(root, 'model'),
    checkpointsDir: join(root, 'checkpoints'),
    outputDir: join(root, 'output'),
    outputDataDir: join(root, 'output', 'data'),
    failureFile: join(root, 'output', 'failure'),
  }
}

export function channelDir(layout: TrainingLayout, channel: string): string {
  return join(layout.dataDir, channel)
}

/** The root the runtime uses: SAGEMAKER_BASE_DIR (the toolkit's name for it outside SageMaker) or /opt/ml. */
export function trainingRootFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.SAGEMAKER_BASE_DIR || SAGEMAKER_ROOT
}
