// A model's deployment settings (its config's `deploy` and `transform` sections), resolved as every
// command resolves config (defaults < config.json < environment) but without loading its train entry.
import { type DeploymentSettings, readDeploymentSettings, resolveConfig } from '@sagepack/core-train'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { loadConfigDefinition } from '@sagepack/core-train/workspace'

export async function modelDeploymentSettings(
  folder: ModelFolder,
  env: Record<string, string | undefined>,
): Promise<DeploymentSettings> {
  const definition = await loadConfigDefinition(folder)
  const config = resolveConfig(definition, { configFile: folder.configFile, env }).values
  return readDeploymentSettings(config, folder.name)
}
