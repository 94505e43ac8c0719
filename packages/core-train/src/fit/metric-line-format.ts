// One metric line per epoch (`epoch=3 train_loss=0.41234 val_accuracy=0.93`) and the SageMaker
// MetricDefinitions whose regexes read exactly those lines back.

/** Matches every number formatMetricValue writes: 0.41234, -2, 1.5e-7, 1.23457e+21, NaN, -Infinity. */
const VALUE_PATTERN = 'NaN|-?Infinity|-?[0-9]+(?:\\.[0-9]+)?(?:e[-+][0-9]+)?'
/** Names the lines can carry unambiguously: no spaces or `=`, which separate fields. */
const NAME_PATTERN = /^[A-Za-z0-9_.:/-]+$/

/** Up to 6 significant digits, shortest form (0.9, not 0.900000); NaN as `NaN`. */
export function formatMetricValue(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return String(Number(value.toPrecision(6)))
}

export function formatMetricLine(fields: Record<string, number | string>): string {
  return Object.entries(fields)
    .map(([name, value]) => {
      if (!NAME_PATTERN.test(name))
        throw new Error(`formatMetricLine: metric name "${name}" must match ${NAME_PATTERN}`)
      const text = typeof value === 'number' ? formatMetricValue(value) : value
      if (text === '' || /[\s=]/.test(text)) {
        throw new Error(
          `formatMetricLine: value of ${name} (${JSON.stringify(text)}) must be non-empty, without spaces or "="`,
        )
      }
      return `${name}=${text}`
    })
    .join(' ')
}

/**
 * One definition per name. The name must start the line or follow whitespace, so `loss` does not match
 * inside `train_loss=`; the value is the first (only) capture group, which is what SageMaker reads.
 */
export function metricDefinitions(names: string[]): Array<{ Name: string; Regex: string }> {
  return names.map((name) => {
    if (!NAME_PATTERN.test(name))
      throw new Error(`metricDefinitions: metric name "${name}" must match ${NAME_PATTERN}`)
    return { Name: name, Regex: `(?:^|\\s)${escapeRegex(name)}=(${VALUE_PATTERN})` }
  })
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
