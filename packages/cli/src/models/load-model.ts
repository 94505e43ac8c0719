// Loads a model folder's modules: the config definition (fast, no tfjs) or the whole train entry.

import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  asTrainEntry,
  type ModelConfigDefinition,
  type ModelFolder,
  type TrainEntry,
} from '@sagepack/core-train'

export async function loadTrainEntry(folder: ModelFolder): Promise<TrainEntry<unknown>> {
  return asTrainEntry(await import(pathToFileURL(folder.trainEntry).href), folder.trainEntry)
}

export async function loadConfigDefinition(folder: ModelFolder): Promise<ModelConfigDefinition<unknown>> {
  const path = join(folder.dir, 'config.ts')
  const module = (await import(pathToFileURL(path).href)) as { default?: ModelConfigDefinition<unknown> }
  if (!module.default || typeof module.default.schema !== 'object') {
    throw new Error(
      `${path}: the default export must be \`defineModelConfig(name, schema)\` from '@sagepack/core-train'`,
    )
  }
  return module.default
}
