// Loads a model folder's config definition without its train entry (fast: no tfjs).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '@sagepack/core-data'
import type { ModelFolder } from '../workspace/locate-model'
import type { ModelConfigDefinition } from './define-model-config'

export async function loadConfigDefinition(folder: ModelFolder): Promise<ModelConfigDefinition<unknown>> {
  const path = join(folder.dir, 'config.ts')
  const module = (await import(pathToFileURL(path).href)) as { default?: ModelConfigDefinition<unknown> }
  if (!module.default || typeof module.default.schema !== 'object') {
    throw new UserError({
      input: path,
      problem: 'its default export is not a model config',
      expected:
        "`export default defineModelConfig('<model>', { ...convict schema })` from '@sagepack/core-train'",
      fix: 'export the config definition as the default export of config.ts',
    })
  }
  return module.default
}
