// `sagepack runs compare`: two runs side by side: what they are, the config keys that differ, and each
// metric with its delta (second run minus first).
import { type RunSummary, statusOf } from '../runs-catalog/read-run-summary'
import { configDifferences, formatConfigValue } from './config-differences'
import { formatColumns } from './format-columns'
import {
  formatCommit,
  formatDelta,
  formatDirty,
  formatDuration,
  formatMetric,
  formatStarted,
  MISSING,
} from './format-run-fields'
import { headlineMetrics, trainingBackend } from './headline-metrics'

export function runsComparison(a: RunSummary, b: RunSummary): string[] {
  return [...aboutRuns(a, b), '', ...configSection(a, b), '', ...metricsSection(a, b)]
}

function aboutRuns(a: RunSummary, b: RunSummary): string[] {
  const row = (label: string, show: (run: RunSummary) => string) => [label, show(a), show(b)]
  return formatColumns([
    ['run', a.runId + (a.archived ? ' (archived)' : ''), b.runId + (b.archived ? ' (archived)' : '')],
    row('status', statusOf),
    row('started (UTC)', (run) => formatStarted(run.record?.startedAt)),
    row('commit', (run) => formatCommit(run.record?.git)),
    row('dirty', (run) => formatDirty(run.record?.git)),
    row('backend', (run) => trainingBackend(run.metrics) ?? MISSING),
    row('time', (run) => formatDuration(run.record?.durationSeconds)),
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
