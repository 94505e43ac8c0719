// The report's tables as HTML (pure): headline metrics with intervals and deltas, identity, per-class
// scores, slices, behaviour checks and data checks.
import { formatDelta, formatNumber } from '../format/format-number'
import { metricInfo } from '../metrics/metric-catalog'
import { escapeHtml as e, shortened } from './html-text'
import type { EvaluationReport, HeadlineRow, SliceTable } from './report-types'

function table(
  head: string[],
  rows: string[][],
  numeric: ReadonlySet<number> = new Set(),
  rowClass?: (i: number) => string,
): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('')
  const body = rows
    .map((cells, r) => {
      const cls = rowClass?.(r)
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`
    })
    .join('\n')
  return `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
}

/** A delta coloured by whether it is an improvement for a metric of this direction. */
function delta(value: number | null, higherIsBetter: boolean): string {
  if (value === null || value === 0) return `<span class="na">${formatDelta(value)}</span>`
  const better = higherIsBetter ? value > 0 : value < 0
  return `<span class="${better ? 'better' : 'worse'}">${formatDelta(value)}</span>`
}

function interval(range: [number, number] | null | undefined): string {
  return range ? `${formatNumber(range[0])} – ${formatNumber(range[1])}` : '—'
}

export function headlineTable(report: EvaluationReport): string {
  const gateOf = (row: HeadlineRow) => {
    const verdicts = report.gates.filter((g) => g.metric === row.metric)
    if (verdicts.length === 0) return '<span class="na">—</span>'
    return verdicts
      .map(
        (v) =>
          `<span class="${v.passed === false ? 'fail' : v.passed ? 'pass' : 'na'}" title="${e(v.message)}">${v.rule} ${formatNumber(v.limit)}: ${v.passed === false ? 'fail' : v.passed ? 'pass' : 'n/a'}</span>`,
      )
      .join('<br>')
  }
  const champion = report.champion.runId
    ? `champion <span class="mono">${e(report.champion.runId)}</span>`
    : 'champion'
  return table(
    ['metric', 'this run', '95% interval', 'baseline', 'vs baseline', champion, 'vs champion', 'gate'],
    report.headline.map((row) => [
      `${e(row.label)}<br><span class="na">${row.higherIsBetter ? 'higher is better' : 'lower is better'}</span>`,
      `<strong>${formatNumber(row.value)}</strong>`,
      interval(row.interval),
      formatNumber(row.baseline),
      delta(row.deltaBaseline, row.higherIsBetter),
      formatNumber(row.champion),
      delta(row.deltaChampion, row.higherIsBetter),
      gateOf(row),
    ]),
    new Set([1, 2, 3, 4, 5, 6]),
  )
}

export function identityList(report: EvaluationReport): string {
  const run = report.run
  const items: Array<[string, string]> = [
    ['model', e(report.model)] as [string, string],
    [
      'run',
      `<span class="mono">${e(run.runId)}</span>${run.executor ? ` (${e(run.executor)})` : ''}${run.startedAt ? `, started ${e(run.startedAt)}` : ''}`,
    ],
    [
      'git commit',
      run.git.commit
        ? `<span class="mono">${e(run.git.commit)}</span>${run.git.dirty ? ' <span class="worse">with uncommitted changes</span>' : ' (clean tree)'}`
        : 'unknown',
    ],
    ['config sha256', `<span class="mono">${e(run.configSha256)}</span>`],
    ...(run.data.length > 0
      ? run.data.map((channel): [string, string] => [
          `data sha256 (${e(channel.channel)})`,
          `<span class="mono">${e(channel.sha256)}</span> — ${channel.files} file${channel.files === 1 ? '' : 's'}, ${channel.bytes.toLocaleString('en-US')} bytes`,
        ])
      : [['data sha256', 'the run holds no copy of its data'] as [string, string]]),
    ['backend', e(run.backend ?? 'unknown')],
    [
      'training time',
      `${run.trainingSeconds === null ? '—' : `${run.trainingSeconds.toFixed(1)} s`}${run.fitSeconds === null ? '' : ` (fit ${run.fitSeconds.toFixed(1)} s${run.epochs === null ? '' : `, ${run.epochs} epochs`})`}`,
    ],
    [
      'bundle sha256',
      run.bundle
        ? `<span class="mono">${e(run.bundle.sha256)}</span> (${e(run.bundle.path)})`
        : 'none built from this run',
    ],
  ]
  return `<dl class="identity">${items.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`
}

export function perClassTable(report: EvaluationReport): string {
  if (!report.perClass) return ''
  return table(
    ['class', 'precision', 'recall', 'F1', 'support', 'ROC AUC (one-vs-rest)', 'average precision'],
    report.perClass.map((row) => [
      e(row.class),
      formatNumber(row.precision),
      formatNumber(row.recall),
      formatNumber(row.f1),
      String(row.support),
      formatNumber(row.rocAuc),
      formatNumber(row.averagePrecision),
    ]),
    new Set([1, 2, 3, 4, 5, 6]),
  )
}

/** Besides the slice metric, the few others a slice row shows (all of them are in report.json). */
const SLICE_COLUMNS = {
  classification: ['accuracy', 'f1_macro', 'log_loss'],
  regression: ['mae', 'rmse', 'r2'],
} as const

export function sliceTable(slice: SliceTable, report: EvaluationReport): string {
  const metric = metricInfo(report.task, slice.metric)
  const higherIsBetter = metric?.higherIsBetter ?? true
  const others = SLICE_COLUMNS[report.task].filter((name) => name !== slice.metric)
  const label = (name: string) => e(metricInfo(report.task, name)?.label ?? name)
  return table(
    ['group', 'rows', label(slice.metric), '95% interval', 'vs whole', 'champion', ...others.map(label)],
    slice.groups.map((group) => [
      `<span class="group">${e(group.value)}</span>${group.flagged ? ' <span class="fail">flagged</span>' : ''}`,
      String(group.count),
      `<strong>${formatNumber(group.metrics[slice.metric])}</strong>`,
      interval(group.intervals[slice.metric]),
      delta(group.gap === null ? null : -group.gap * (higherIsBetter ? 1 : -1), higherIsBetter),
      formatNumber(group.champion),
      ...others.map((name) => formatNumber(group.metrics[name])),
    ]),
    new Set([1, 2, 3, 4, 5, ...others.map((_, i) => 6 + i)]),
    (i) => (slice.groups[i]?.flagged ? 'flagged' : ''),
  )
}

export function behaviourTables(report: EvaluationReport): string {
  const checks = report.behaviour
  if (checks === null) {
    return '<p class="na">This model folder declares no behaviour checks (evaluate/behaviour-checks.json).</p>'
  }
  const how = `<p>Each check's inputs go through the model's own inference handler (models/${e(report.model)}/inference/, what its bundle ships) over this run's weights, as the endpoint would answer them.</p>`
  const summary = table(
    ['check', 'kind', 'ran on', 'passed', 'pass rate'],
    checks.map((check) => [
      `<strong>${e(check.name)}</strong>${check.why ? `<br><span class="na">${e(check.why)}</span>` : ''}`,
      e(check.kind),
      e(check.ranOn),
      `${check.passed} / ${check.cases}`,
      `<span class="${check.passed === check.cases ? 'pass' : 'fail'}">${check.passRate === null ? '—' : `${(check.passRate * 100).toFixed(0)}%`}</span>`,
    ]),
    new Set([3, 4]),
  )
  const failing = checks
    .filter((check) => check.failures.length > 0)
    .map(
      (check) =>
        `<h3>Failing: ${e(check.name)} (${check.cases - check.passed} of ${check.cases}; first ${check.failures.length} shown)</h3>` +
        table(
          ['input', 'observed'],
          check.failures.map((failure) => [
            `<span class="example">${exampleInput(failure.input, failure.changed)}</span>`,
            e(failure.observed),
          ]),
        ),
    )
    .join('\n')
  return how + summary + failing
}

function exampleInput(input: Record<string, unknown>, changed?: Record<string, unknown>): string {
  return Object.keys({ ...input, ...changed })
    .map((key) => {
      const before = input[key]
      const after = changed?.[key]
      const moved = changed !== undefined && after !== before
      const text = moved ? `${shown(before)} → ${shown(after)}` : shown(before)
      return `<span${moved ? ' class="changed"' : ''}><strong>${e(key)}</strong> ${e(text)}</span>`
    })
    .join(' · ')
}

function shown(value: unknown): string {
  if (typeof value === 'string') return shortened(value)
  if (typeof value === 'number') return formatNumber(value)
  return value === undefined ? '(none)' : JSON.stringify(value)
}

export function dataCheckTable(report: EvaluationReport): string {
  if (report.dataChecks === null) return '<p class="na">The run has no data-checks.json.</p>'
  return table(
    ['check', 'result', 'severity', 'summary'],
    report.dataChecks.map((check) => [
      e(check.check),
      `<span class="${check.passed ? 'pass' : 'fail'}">${check.passed ? 'passed' : 'failed'}</span>`,
      e(check.severity),
      e(check.summary),
    ]),
  )
}
