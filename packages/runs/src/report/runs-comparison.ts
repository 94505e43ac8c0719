// `sagepack runs compare`: two runs side by side: what they are, the config keys that differ, and each
// metric with its delta (second run minus first).
import { type RunSummary, statusOf } from '../catalog/read-run-summary'
import { configDifferences, formatConfigValue } from './config-differences'
import { formatColumns } from './format-columns'
import { formatDelta, formatMetric, type RunFacts, runFacts } from './format-run-fields'
import { headlineMetrics } from './headline-metrics'

export function runsComparison(a: RunSummary, b: RunSummary): string[] {
  return [...aboutRuns(a, b), '', ...configSection(a, b), '', ...metricsSection(a, b)]
}

function aboutRuns(a: RunSummary, b: RunSummary): string[] {
  const [factsA, factsB] = [runFacts(a), runFacts(b)]
  const row = (label: string, fact: keyof RunFacts) => [label, factsA[fact], factsB[fact]]
  return formatColumns([
    ['run', a.runId + (a.archived ? ' (archived)' : ''), b.runId + (b.archived ? ' (archived)' : '')],
    ['status', statusOf(a), statusOf(b)],
    row('started (UTC)', 'started'),
    row('commit', 'commit'),
    row('dirty', 'dirty'),
    row('backend', 'backend'),
    row('time', 'time'),
  ])
}

function configSection(a: RunSummary, b: RunSummary): string[] {
  const missing = [a, b].filter((run) => run.config === null).map((run) => run.runId)
  if (missing.length > 0)
    return [
      `config: not compared: ${missing.join(' and ')} ${missing.length > 1 ? 'have' : 'has'} no config.json`,
    ]
  const { differences, keys } = configDifferences(a.config, b.config)
  if (differences.length === 0) return [`config: identical (${keys} keys)`]
  const title = `config: ${differences.length} of ${keys} keys differ`
  return formatColumns([
    [title, a.runId, b.runId],
    ...differences.map((d) => [`  ${d.key}`, formatConfigValue(d.a), formatConfigValue(d.b)]),
  ])
}

function metricsSection(a: RunSummary, b: RunSummary): string[] {
  const left = headlineMetrics(a.metrics)
  const right = headlineMetrics(b.metrics)
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])]
  if (keys.length === 0) return ['metrics: neither run has metrics.json']
  return formatColumns(
    [
      ['metrics', a.runId, b.runId, 'delta'],
      ...keys.map((key) => [
        `  ${key}`,
        formatMetric(left[key]),
        formatMetric(right[key]),
        formatDelta(left[key], right[key]),
      ]),
    ],
    ['left', 'right', 'right', 'right'],
  )
}
