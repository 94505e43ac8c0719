// A model's config is a convict schema; this module walks it as a flat list of documented keys.
import type convict from 'convict'

export interface ConfigKey {
  /** Dotted path, e.g. `train.epochs`. */
  key: string
  doc: string
  /** The convict format, as a readable name (`int`, `Number`, `["relu","tanh"]`, ...). */
  format: string
  default: unknown
  /** Environment variable that sets this key. */
  env: string
}

/** A node of a convict schema; leaves are the objects that carry a `default`. */
type SchemaNode = Record<string, unknown>

function isLeaf(node: SchemaNode): boolean {
  return 'default' in node
}

function describeFormat(format: unknown): string {
  if (format === undefined) return 'any'
  if (typeof format === 'string') return format
  if (Array.isArray(format)) return JSON.stringify(format)
  if (typeof format === 'function') return format.name || 'custom'
  return 'custom'
}

/** Every leaf key of a schema, in declaration order. */
export function configKeys(schema: convict.Schema<unknown>): ConfigKey[] {
  const keys: ConfigKey[] = []
  const walk = (node: SchemaNode, prefix: string) => {
    for (const [name, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${name}` : name
      const childNode = child as SchemaNode
      if (isLeaf(childNode)) {
        keys.push({
          key: path,
          doc: typeof childNode.doc === 'string' ? childNode.doc : '',
          format: describeFormat(childNode.format),
          default: childNode.default,
          env: typeof childNode.env === 'string' ? childNode.env : '',
        })
      } else {
        walk(childNode, path)
      }
    }
  }
  walk(schema as SchemaNode, '')
  return keys
}

/** `IRIS_TRAIN_EPOCHS` for model `iris`, key `train.epochs`. */
export function envNameFor(model: string, key: string): string {
  return `${model}_${key}`
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()
}
