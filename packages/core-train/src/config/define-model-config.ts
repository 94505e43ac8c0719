// How a model declares its config: a convict schema with docs and formats, named after the model so
// every key also gets an environment variable (`IRIS_TRAIN_EPOCHS`).
import { UserError } from '@sagepack/core-data'
import type convict from 'convict'
import { envNameFor } from './config-schema'

export interface ModelConfigDefinition<T> {
  model: string
  /** The schema with an `env` name filled in for every key that did not declare one. */
  schema: convict.Schema<T>
}

/** The config values type of a definition: `ConfigOf<typeof irisConfig>`. */
export type ConfigOf<D> = D extends ModelConfigDefinition<infer T> ? T : never

export function defineModelConfig<T>(model: string, schema: convict.Schema<T>): ModelConfigDefinition<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(model)) {
    throw new UserError({
      input: `defineModelConfig("${model}", ...)`,
      problem: 'the model name is not lowercase kebab-case',
      expected: 'the model folder name, e.g. "iris" or "house-prices"',
      fix: 'pass the name of the folder under models/',
    })
  }
  return { model, schema: withEnvNames(model, schema as Record<string, unknown>, '') as convict.Schema<T> }
}

function withEnvNames(model: string, node: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, child] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${name}` : name
    const childNode = child as Record<string, unknown>
    if ('default' in childNode) {
      out[name] = { env: envNameFor(model, path), ...childNode }
    } else {
      out[name] = withEnvNames(model, childNode, path)
    }
  }
  return out
}
