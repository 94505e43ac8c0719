// The report's headline as plain text for the terminal: the test metrics with intervals, baseline and
// champion deltas and gate verdicts, then what is flagged and where the report is.
import { formatDelta, formatNumber } from '../format/format-number'
import type { EvaluationReport } from './report-types'

export function headlineText(report: EvaluationReport, reportFile: string): string {
  const champion = report.champion.runId ? `champion ${report.champion.runId}` : 'champion'
  const head = ['test metric', 'value', '95% interval', 'baseline', champion, 'vs champion', 'gate']
  const rows = report.headline.map((row) => {
    const verdicts = report.gates.filter((gate) => gate.metric === row.metric)
    return [
      row.metric,
      formatNumber(row.value),
      row.interval ? `${formatNumber(row.interval[0])}–${formatNumber(row.interval[1])}` : '—',
      formatNumber(row.baseline),
      formatNumber(row.champion),
      formatDelta(row.deltaChampion),
      verdicts.length === 0
        ? ''
        : verdicts
            .map((v) => `${v.rule} ${v.passed === false ? 'FAIL' : v.passed ? 'ok' : 'n/a'}`)
            .join(', '),
    ]
  })
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd()
  return [
    line(head),
    ...rows.map(line),
    ...report.flags.map((flag) => `! ${flag}`),
    ...report.notes.map((note) => `note: ${note}`),
    `report: ${reportFile}`,
  ].join('\n')
}
