// The report in Markdown for a pull request's job summary ($GITHUB_STEP_SUMMARY): the headline with
// deltas against the champion and gate verdicts, each slice's groups, and what is flagged; the full
// HTML report is the job's artifact.
import { formatDelta, formatNumber } from '../format/format-number'
import type { EvaluationReport } from './report-types'

export function summaryMarkdown(report: EvaluationReport): string {
  const failed = report.gates.filter((gate) => gate.passed === false)
  const verdict =
    report.gates.length === 0
      ? 'no gates'
      : failed.length === 0
        ? 'gates pass'
        : `${failed.length} gate${failed.length === 1 ? '' : 's'} failed`
  const champion = report.champion.runId ? `\`${report.champion.runId}\`` : 'none'
  const lines = [
    `### ${report.model}: run \`${report.run.runId}\` against champion ${champion} — ${failed.length > 0 ? '❌' : '✅'} ${verdict}`,
    '',
    '| test metric | this run | 95% interval | baseline | champion | Δ champion | gate |',
    '|---|--:|--:|--:|--:|--:|---|',
    ...report.headline.map((row) => {
      const gates = report.gates
        .filter((gate) => gate.metric === row.metric)
        .map(
          (gate) =>
            `${gate.passed === false ? '❌' : gate.passed ? '✅' : '➖'} ${gate.rule} ${formatNumber(gate.limit)}`,
        )
        .join('<br>')
      const interval = row.interval
        ? `${formatNumber(row.interval[0])} – ${formatNumber(row.interval[1])}`
        : '—'
      return `| ${row.label} | **${formatNumber(row.value)}** | ${interval} | ${formatNumber(row.baseline)} | ${formatNumber(row.champion)} | ${formatDelta(row.deltaChampion)} | ${gates} |`
    }),
  ]
  for (const slice of report.slices) {
    lines.push(
      '',
      `**${slice.metric} by ${escapeCell(slice.title)}** (whole test split ${formatNumber(slice.whole)}; flagged when worse by more than ${slice.margin})`,
      '',
      `| group | rows | ${slice.metric} | 95% interval | champion | Δ champion |`,
      '|---|--:|--:|--:|--:|--:|',
      ...slice.groups.map((group) => {
        const value = group.metrics[slice.metric] ?? null
        const interval = group.intervals[slice.metric]
        const delta = value === null || group.champion === null ? null : value - group.champion
        return `| ${group.flagged ? '⚠️ ' : ''}${escapeCell(group.value)} | ${group.count} | ${formatNumber(value)} | ${interval ? `${formatNumber(interval[0])} – ${formatNumber(interval[1])}` : '—'} | ${formatNumber(group.champion)} | ${formatDelta(delta)} |`
      }),
    )
  }
  if (report.flags.length > 0 || report.notes.length > 0) {
    lines.push('', ...report.flags.map((flag) => `- ⚠️ ${flag}`), ...report.notes.map((note) => `- ${note}`))
  }
  return `${lines.join('\n')}\n`
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;')
}
