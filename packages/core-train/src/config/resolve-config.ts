// Resolve a model's config with the documented precedence:
// defaults < models/<name>/config.json < environment < --set key=value < SageMaker hyperparameters.
// Unknown keys and bad values fail here, before any work, naming the key, the value and the format.
import { existsSync, readFileSync } from 'node:fs'
import { UserError } from '@sagepack/core-data'
import convict from 'convict'
import { decodeHyperparameter, isReservedHyperparameter } from '../contract/hyperparameters'
import { type ConfigKey, configKeys } from './config-schema'
import type { ModelConfigDefinition } from './define-model-config'

export type ConfigSource = 'default' | 'config.json' | 'env' | '--set' | 'hyperparameter'

export interface ConfigInputs {
  /** Path of the model's config.json; a missing file is the same as an empty one. */
  configFile?: string
  env?: Record<string, string | undefined>
  /** `key=value` strings from `--set`, applied in order. */
  sets?: readonly string[]
  /** Raw SageMaker hyperparameters (every value a string); `sagemaker_*`/`sagepack_*` keys are skipped. */
  hyperparameters?: Record<string, string>
}

export interface ResolvedConfig<T> {
  values: T
  /** Where each key's value came from. */
  sources: Record<string, ConfigSource>
}

interface Origin {
  source: ConfigSource
  /** How the user wrote it, for error messages. */
  shown: string
}

export function resolveConfig<T>(
  definition: ModelConfigDefinition<T>,
  inputs: ConfigInputs = {},
): ResolvedConfig<T> {
  const keys = configKeys(definition.schema)
  const byKey = new Map(keys.map((k) => [k.key, k]))
  const env = inputs.env ?? process.env
  const origins = new Map<string, Origin>(keys.map((k) => [k.key, { source: 'default', shown: 'default' }]))

  // convict re-applies the environment after every load, which gives "config.json < env" for free.
  const config = convict(definition.schema, { env: env as NodeJS.ProcessEnv, args: [] })

  if (inputs.configFile && existsSync(inputs.configFile)) {
    const fromFile = readConfigFile(inputs.configFile, definition.model, byKey)
    config.load(fromFile.values)
    for (const key of fromFile.keys) {
      origins.set(key, { source: 'config.json', shown: `${inputs.configFile}: "${key}"` })
    }
  }
  for (const k of keys) {
    const raw = k.env ? env[k.env] : undefined
    if (raw !== undefined) origins.set(k.key, { source: 'env', shown: `environment ${k.env}=${raw}` })
  }

  for (const assignment of inputs.sets ?? []) {
    const { key, raw } = parseAssignment(assignment)
    requireKnownKey(key, `--set ${assignment}`, definition.model, byKey)
    config.set(key as never, decodeHyperparameter(raw) as never)
    origins.set(key, { source: '--set', shown: `--set ${assignment}` })
  }

  for (const [key, raw] of Object.entries(inputs.hyperparameters ?? {})) {
    if (isReservedHyperparameter(key)) continue
    requireKnownKey(key, `hyperparameter "${key}"`, definition.model, byKey)
    config.set(key as never, decodeHyperparameter(raw) as never)
    origins.set(key, { source: 'hyperparameter', shown: `hyperparameter "${key}"="${raw}"` })
  }

  try {
    config.validate({ allowed: 'strict' })
  } catch (error) {
    throw invalidValuesError(error as Error, definition.model, byKey, origins)
  }

  return {
    values: config.getProperties() as T,
    sources: Object.fromEntries([...origins].map(([key, origin]) => [key, origin.source])),
  }
}

function parseAssignment(assignment: string): { key: string; raw: string } {
  const at = assignment.indexOf('=')
  if (at <= 0) {
    throw new UserError({
      input: `--set ${assignment}`,
      problem: 'not of the form key=value',
      expected: 'a dotted config key, "=", and a value, e.g. --set train.epochs=50',
      fix: 'run `sagepack config <model>` to list the keys',
    })
  }
  return { key: assignment.slice(0, at).trim(), raw: assignment.slice(at + 1) }
}

function requireKnownKey(key: string, input: string, model: string, byKey: Map<string, ConfigKey>): void {
  if (byKey.has(key)) return
  const leaf = key.split('.').pop() ?? key
  const close = [...byKey.keys()].filter((k) => k.split('.').pop() === leaf || k.startsWith(`${key}.`))
  throw new UserError({
    input,
    problem: `"${key}" is not a key of model ${model}'s config`,
    expected: close.length > 0 ? `one of the keys, e.g. ${close.join(', ')}` : 'one of the declared keys',
    fix: `run \`sagepack config ${model}\` to list every key with its doc`,
  })
}

function readConfigFile(
  path: string,
  model: string,
  byKey: Map<string, ConfigKey>,
): { values: Record<string, unknown>; keys: string[] } {
  let values: unknown
  try {
    values = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError({
      input: path,
      problem: `not valid JSON (${(error as Error).message})`,
      expected: 'a JSON object of config keys, e.g. {"train": {"epochs": 50}}',
      fix: 'fix the JSON syntax, or delete the file to use the defaults',
    })
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new UserError({
      input: path,
      problem: 'is not a JSON object',
      expected: 'a JSON object of config keys',
    })
  }
  const keys: string[] = []
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name
      if (byKey.has(key)) keys.push(key)
      else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        walk(value as Record<string, unknown>, key)
      } else requireKnownKey(key, `${path}: "${key}"`, model, byKey)
    }
  }
  walk(values as Record<string, unknown>, '')
  return { values: values as Record<string, unknown>, keys }
}

/** Turn convict's validation text ("key: must be an integer: value was NaN") into one actionable error. */
function invalidValuesError(
  error: Error,
  model: string,
  byKey: Map<string, ConfigKey>,
  origins: Map<string, Origin>,
): UserError {
  const problems = error.message.split('\n').map((line) => {
    const match = /^([^:]+): (.*?)(?:: value was .*)?$/.exec(line)
    const key = match?.[1]?.trim() ?? ''
    const spec = byKey.get(key)
    const origin = origins.get(key)
    if (!spec || !origin) return { input: key || 'config', text: line }
    return {
      input: origin.shown,
      text: `${key} ${match?.[2] ?? 'is invalid'}; expected format ${spec.format} (${spec.doc || 'no doc'}; default ${JSON.stringify(spec.default)})`,
    }
  })
  return new UserError({
    input: problems.map((p) => p.input).join(', '),
    problem: problems.map((p) => p.text).join('\n  '),
    fix: `give a value of the expected format, or remove it to use the default; \`sagepack config ${model}\` lists every key`,
  })
}
