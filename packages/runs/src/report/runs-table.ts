// The runs list as a table: one line per run, oldest first, with what tells runs apart at a glance.
import { type RunSummary, statusOf } from '../catalog/read-run-summary'
import { type ColumnAlign, formatColumns } from './format-columns'
import { formatMetric, runFacts } from './format-run-fields'
import { headlineMetrics, keyMetricColumns } from './headline-metrics'

export function runsTable(runs: RunSummary[], options: { releasedRunId?: string } = {}): string[] {
  const metrics = runs.map((run) => headlineMetrics(run.metrics))
  const metricColumns = keyMetricColumns(metrics)
  const header = [
    'run',
    'started (UTC)',
    'status',
    'commit',
    'dirty',
    // Named as the metric lines and SageMaker's metric definitions name them: test_accuracy.
    ...metricColumns.map((key) => key.replace('.', '_')),
    'backend',
    'time',
  ]
  const align: ColumnAlign[] = [
    'left',
    'left',
    'left',
    'left',
    'left',
    ...metricColumns.map((): ColumnAlign => 'right'),
    'left',
    'right',
  ]
  const rows = runs.map((run, i) => {
    const facts = runFacts(run)
    return [
      run.runId,
      facts.started,
      shownStatus(run, options.releasedRunId),
      facts.commit,
      facts.dirty,
      ...metricColumns.map((key) => formatMetric(metrics[i]?.[key])),
      facts.backend,
      facts.time,
    ]
  })
  return formatColumns([header, ...rows], align)
}

/** `completed`, `failed (exit 1)`, `completed, released`, `stopped, archived`. */
function shownStatus(run: RunSummary, releasedRunId: string | undefined): string {
  const status = statusOf(run)
  const exit = run.record?.status === 'failed' && run.record.exitCode !== undefined
  const marks = [
    ...(run.runId === releasedRunId && !run.archived ? ['released'] : []),
    ...(run.archived ? ['archived'] : []),
  ]
  return [exit ? `${status} (exit ${run.record?.exitCode})` : status, ...marks].join(', ')
}
