// Reads a resolved config's deploy/transform sections, failing with the fix when a model's config.ts
// does not include them (a model written before deploying existed).
import { UserError } from '@sagepack/core-data'
import type { DeploymentSettings } from './deployment-settings'

export function readDeploymentSettings(config: unknown, model: string): DeploymentSettings {
  const settings = config as Partial<DeploymentSettings>
  if (typeof settings.deploy !== 'object' || typeof settings.transform !== 'object') {
    throw new UserError({
      input: `models/${model}/config.ts`,
      problem: 'has no deploy/transform settings',
      expected: 'the shared deployment sections in the config schema',
      fix: "spread `...deploymentSettings()` (from '@sagepack/core-train') into the defineModelConfig schema",
    })
  }
  return settings as DeploymentSettings
}
