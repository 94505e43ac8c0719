// The keys on which two resolved configs differ, as dotted paths (`train.learningRate`), with each
// side's value; arrays are compared whole (`model.hiddenUnits`).

export interface ConfigDifference {
  key: string
  /** undefined where that config has no such key. */
  a: unknown
  b: unknown
}

export function configDifferences(a: unknown, b: unknown): { differences: ConfigDifference[]; keys: number } {
  const left = flattenConfig(a)
  const right = flattenConfig(b)
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort()
  const differences = keys
    .filter((key) => JSON.stringify(left.get(key)) !== JSON.stringify(right.get(key)))
    .map((key) => ({ key, a: left.get(key), b: right.get(key) }))
  return { differences, keys: keys.length }
}

/** A config value as it reads in a table: strings bare, everything else as JSON, `(absent)` if missing. */
export function formatConfigValue(value: unknown): string {
  if (value === undefined) return '(absent)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function flattenConfig(config: unknown): Map<string, unknown> {
  const flat = new Map<string, unknown>()
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value)
      if (entries.length === 0 && path !== '') flat.set(path, value)
      for (const [key, child] of entries) walk(child, path === '' ? key : `${path}.${key}`)
    } else if (path !== '') {
      flat.set(path, value)
    }
  }
  walk(config, '')
  return flat
}
