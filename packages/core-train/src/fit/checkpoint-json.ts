// JSON for checkpoint state that keeps NaN and ±Infinity (a diverged loss, an unset "best"), which plain
// JSON.stringify would turn into null.

const TAG = '$number'

export function toCheckpointJson(value: unknown): string {
  return `${JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [TAG]: String(v) } : v),
    2,
  )}\n`
}

export function fromCheckpointJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v)
      const tagged = (v as Record<string, unknown>)[TAG]
      if (keys.length === 1 && typeof tagged === 'string') return Number(tagged)
    }
    return v
  })
}
