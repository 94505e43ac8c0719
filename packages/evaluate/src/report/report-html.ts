// The report as one self-contained HTML page (pure): inline CSS and the figures' inline SVG, no script,
// no font or image from anywhere, so it reads the same offline, from a CI artifact or printed.

import { formatNumber } from '../format/format-number'
import {
  behaviourTables,
  dataCheckTable,
  headlineTable,
  identityList,
  perClassTable,
  sliceTable,
} from './html-tables'
import { escapeHtml as e } from './html-text'
import { REPORT_CSS } from './report-css'
import type { EvaluationReport } from './report-types'

/** @param svgs each figure's SVG by figure id */
export function reportHtml(report: EvaluationReport, svgs: ReadonlyMap<string, string>): string {
  const figureHtml = (id: string) => {
    const figure = report.figures.find((f) => f.id === id)
    if (!figure) return ''
    return `<figure id="${e(figure.id)}" data-kind="${e(figure.kind)}"><figcaption><strong>${e(figure.title)}</strong>${e(figure.caption)}</figcaption>${svgs.get(id) ?? ''}</figure>`
  }
  const figures = (ids: string[]) => {
    const shown = ids.filter((id) => report.figures.some((f) => f.id === id))
    return shown.length === 0 ? '' : `<div class="figures">${shown.map(figureHtml).join('\n')}</div>`
  }
  const taskSection =
    report.task === 'classification'
      ? `<h2>Where it is wrong</h2>${figures(['confusion-counts', 'confusion-normalised'])}<h3>Per class</h3>${perClassTable(report)}
<h2>How well it ranks, and how sure it is</h2>${figures(['roc', 'precision-recall', 'reliability', 'confidence'])}`
      : `<h2>Where it is wrong</h2>${figures(['predicted-vs-actual', 'residual-histogram', 'residuals-vs-predicted', 'error-by-decile'])}`
  const slices =
    report.slices.length === 0
      ? '<p class="na">No slices: the model\'s config declares none (evaluate.slices), or the run holds no copy of its data.</p>'
      : report.slices
          .map(
            (slice, i) =>
              `<h3>By ${e(slice.title)}</h3>${sliceTable(slice, report)}${figures([`slice-${i + 1}`])}`,
          )
          .join('\n')
  const flags =
    report.flags.length > 0
      ? `<div class="box flags"><strong>${report.flags.length} thing${report.flags.length === 1 ? '' : 's'} to look at</strong><ul>${report.flags.map((f) => `<li>${e(f)}</li>`).join('')}</ul></div>`
      : '<div class="box ok"><strong>Nothing flagged</strong>Every gate passes, no slice falls below the margin, every behaviour and data check passes.</div>'
  const notes =
    report.notes.length > 0
      ? `<div class="box notes"><strong>Notes</strong><ul>${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></div>`
      : ''
  const champion =
    report.champion.source === 'none'
      ? 'no champion'
      : `champion <span class="mono">${e(report.champion.runId ?? '')}</span> (${report.champion.source === 'release' ? 'release.json' : '--against'}${report.champion.runPresent ? ', its run is here' : ', metrics from release.json'})`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.model)} ${e(report.run.runId)}: evaluation</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${e(report.model)} <span class="mono">${e(report.run.runId)}</span></h1>
<p class="subtitle">${e(report.task)} · ${report.testRows} test rows · against ${champion} · evaluated ${e(shownTime(report.evaluatedAt))}</p>
${flags}
${notes}
<h2>Test metrics</h2>
<p>Point values on the test split with 95% bootstrap intervals (${report.bootstrap.resamples} resamples, seed ${report.bootstrap.seed}); baseline: ${e(report.baseline.description)}.</p>
${headlineTable(report)}
<h2>Identity</h2>
${identityList(report)}
${taskSection}
<h2>Learning curves</h2>
${figures(['learning-loss', 'learning-metric']) || '<p class="na">metrics.json has no per-epoch history.</p>'}
<h2>Slices</h2>
${slices}
<h2>Behaviour checks</h2>
${behaviourTables(report)}
<h2>Data checks</h2>
${dataCheckTable(report)}
<footer>
<h2>How the numbers are defined</h2>
<dl>${Object.entries(report.definitions)
    .map(([name, definition]) => `<dt>${e(name)}</dt><dd>${e(definition)}</dd>`)
    .join('')}
<dt>intervals</dt><dd>Percentile bootstrap over the test rows: ${report.bootstrap.resamples} resamples drawn with replacement, seed ${report.bootstrap.seed}, the ${formatNumber((1 - report.bootstrap.level) * 50)}th and ${formatNumber(100 - (1 - report.bootstrap.level) * 50)}th percentiles.</dd></dl>
<p>Written by <code>sagepack evaluate</code>; every number here is in report.json beside this file.</p>
</footer>
</main>
</body>
</html>
`
}

/** 2026-12-04T16:06:14.647Z -> 2026-12-04 16:06 UTC */
function shownTime(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso
}
