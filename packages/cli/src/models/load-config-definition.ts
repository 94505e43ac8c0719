// Loads a model folder's config definition without its train entry (fast: no tfjs).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ModelConfigDefinition, ModelFolder } from '@sagepack/core-train'

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
