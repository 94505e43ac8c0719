// Where the runtime's `train` finds a model's training code: SAGEPACK_TRAIN_ENTRY when set (the local
// executor points it at the TypeScript source), else the `code` channel the SageMaker executor adds
// (<root>/input/data/code/train.mjs), else /opt/ml/code/train.mjs for an image with the code built in.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { channelDir, trainingLayout, trainingRootFromEnv } from './training-layout'

/** The channel that carries the bundled training code to a SageMaker job. */
export const CODE_CHANNEL = 'code'
/** The one ES module `sagepack train --on sagemaker` builds from models/<model>/train/index.ts. */
export const TRAINING_CODE_FILE = 'train.mjs'
const BUILT_IN_ENTRY = '/opt/ml/code/train.mjs'

export function trainEntryPath(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  if (env.SAGEPACK_TRAIN_ENTRY) return env.SAGEPACK_TRAIN_ENTRY
  const fromChannel = join(
    channelDir(trainingLayout(trainingRootFromEnv(env)), CODE_CHANNEL),
    TRAINING_CODE_FILE,
  )
  return exists(fromChannel) ? fromChannel : BUILT_IN_ENTRY
}
