// The rows `sagepack config <model>` prints: each key's resolved value, where it came from, and its doc.
import { configKeys } from './config-schema'
import type { ModelConfigDefinition } from './define-model-config'
import type { ResolvedConfig } from './resolve-config'

export interface ConfigRow {
  key: string
  value: unknown
  source: string
  format: string
  default: unknown
  env: string
  doc: string
}

export function describeConfig<T>(
  definition: ModelConfigDefinition<T>,
  resolved: ResolvedConfig<T>,
): ConfigRow[] {
  return configKeys(definition.schema).map((k) => ({
    key: k.key,
    value: readPath(resolved.values, k.key),
    source: resolved.sources[k.key] ?? 'default',
    format: k.format,
    default: k.default,
    env: k.env,
    doc: k.doc,
  }))
}

export function readPath(values: unknown, key: string): unknown {
  let node: unknown = values
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}
