// The scalar metrics of a run's metrics.json worth listing, comparing and releasing: every number of
// each split (`test.accuracy`, `validation.log_loss`), not the history, confusion matrices or
// per-class tables, nor top-level numbers such as the seed.

/** Splits in the order people read them: the held-out test first. */
const SPLITS = ['test', 'validation', 'train'] as const

/** The metrics the runs table shows, in this order, when a run has them on its test split. */
const KEY_TEST_METRICS = ['accuracy', 'f1_macro', 'log_loss', 'rmse', 'mae', 'r2'] as const

/** `split.metric` to its value, test split first. */
export function headlineMetrics(metrics: unknown): Record<string, number> {
  if (!isObject(metrics)) return {}
  const found: Record<string, number> = {}
  for (const split of SPLITS) {
    const values = metrics[split]
    if (!isObject(values)) continue
    for (const [name, value] of Object.entries(values)) {
      if (isNumber(value)) found[`${split}.${name}`] = value
    }
  }
  return found
}

/** The key test metrics any of these runs has, as `test.<name>`, in the order of KEY_TEST_METRICS. */
export function keyMetricColumns(runs: Array<Record<string, number>>): string[] {
  return KEY_TEST_METRICS.map((name) => `test.${name}`).filter((key) => runs.some((run) => key in run))
}

/** The tfjs backend a run trained on (`wasm`, `cpu`, `tensorflow`, `tensorflow gpu`), from metrics.json. */
export function trainingBackend(metrics: unknown): string | null {
  if (!isObject(metrics) || !isObject(metrics.backend)) return null
  const { name, gpu } = metrics.backend
  if (typeof name !== 'string') return null
  return gpu === true ? `${name} gpu` : name
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number'
}
