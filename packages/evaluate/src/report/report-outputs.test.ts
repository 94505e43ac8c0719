// The report's three readable forms from one report: the HTML page, the Markdown job summary and the
// terminal headline. The numbers come from buildReport on synthetic predictions.
import { describe, expect, it } from 'vitest'
import { headlineText } from './headline-text'
import { reportHtml } from './report-html'
import { summaryMarkdown } from './summary-markdown'
import { classificationReport, regressionReport } from './test-fixtures/sample-report'

const report = classificationReport()
const svgs = new Map(
  report.figures.map((f) => [
    f.id,
    `<svg data-figure="${f.id}"><g class="mark-rect role-mark"><path d="M0,0"/></g></svg>`,
  ]),
)

describe('the report built from predictions', () => {
  it('holds every metric with an interval, the baseline, the champion and the deltas', () => {
    expect(report.headline.map((row) => row.metric)).toEqual([
      'accuracy',
      'f1_macro',
      'precision_macro',
      'recall_macro',
      'log_loss',
      'roc_auc',
      'average_precision',
      'ece',
    ])
    for (const row of report.headline) {
      const [low, high] = row.interval as [number, number]
      expect(low, row.metric).toBeLessThanOrEqual(row.value as number)
      expect(high, row.metric).toBeGreaterThanOrEqual(row.value as number)
      expect(row.deltaChampion).toBeCloseTo((row.value as number) - (row.champion as number), 15)
    }
    expect(report.figures.map((f) => f.id)).toEqual([
      'confusion-counts',
      'confusion-normalised',
      'roc',
      'precision-recall',
      'reliability',
      'confidence',
      'learning-loss',
      'learning-metric',
      'slice-1',
    ])
    expect(report.slices[0]?.groups.map((g) => [g.value, g.count])).toEqual([
      ['large', 80],
      ['small', 40],
    ])
    expect(report.flags[0]).toMatch(
      /^Gate failed: accuracy 0\.\d+ is below its floor 0\.99 \(champion 0\.\d+\)\.$/,
    )
    expect(report.flags).toContain(
      'Behaviour check "textbook <flowers>" (minimum-functionality) passes 1 of 2 cases.',
    )
  })
})

describe('the HTML page', () => {
  const html = reportHtml(report, svgs)

  it('is self-contained: no script, no stylesheet link, nothing fetched', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i)
    expect(html).toContain('<style>')
  })

  it('shows every figure with its SVG, and every table', () => {
    for (const figure of report.figures)
      expect(html).toContain(`<figure id="${figure.id}" data-kind="${figure.kind}">`)
    expect(html.match(/<svg data-figure=/g)).toHaveLength(report.figures.length)
    for (const heading of [
      'Test metrics',
      'Identity',
      'Where it is wrong',
      'Per class',
      'Learning curves',
      'Slices',
      'Behaviour checks',
      'Data checks',
    ]) {
      expect(html).toContain(`>${heading}</h`)
    }
    expect(html).toContain('with uncommitted changes')
    expect(html).toContain('champion <span class="mono">20261101-090000-beef</span>')
  })

  it('escapes what came from data and config, and shortens long example values', () => {
    expect(html).toContain('&lt;b&gt;virginica&lt;/b&gt;')
    expect(html).not.toContain('<b>virginica</b>')
    expect(html).toContain('textbook &lt;flowers&gt;')
    expect(html).toContain(`${'x'.repeat(139)}…`)
    expect(html).toContain('a note &amp; more')
  })

  it('says so when there are no slices, behaviour checks or data checks', () => {
    const plain = reportHtml(regressionReport(), new Map())
    expect(plain).toContain('No slices:')
    expect(plain).toContain('declares no behaviour checks')
    expect(plain).toContain('The run has no data-checks.json.')
    expect(plain).toContain('the run holds no copy of its data')
  })
})

describe('the Markdown job summary', () => {
  it('has the headline with deltas and gate verdicts, and the slice table', () => {
    const markdown = summaryMarkdown(report)
    const lines = markdown.split('\n')
    expect(lines[0]).toBe(
      '### demo: run `20261204-101010-abcd` against champion `20261101-090000-beef` — ❌ 1 gate failed',
    )
    expect(lines).toContain(
      '| test metric | this run | 95% interval | baseline | champion | Δ champion | gate |',
    )
    const accuracy = report.headline[0]
    expect(lines.find((line) => line.startsWith('| accuracy |'))).toMatch(
      /\| ❌ floor 0\.99<br>✅ maxDrop 0\.5 \|$/,
    )
    expect(markdown).toContain(`| **${Number(accuracy?.value?.toPrecision(4))}** |`)
    expect(markdown).toContain('**accuracy by size**')
    expect(markdown).toContain('| group | rows | accuracy | 95% interval | champion | Δ champion |')
    expect(markdown).toMatch(/\n\| (⚠️ )?small \| 40 \|/)
    expect(summaryMarkdown(regressionReport()).split('\n')[0]).toBe(
      '### cars: run `20261204-101010-abcd` against champion none — ✅ no gates',
    )
  })
})

describe('the terminal headline', () => {
  it('aligns the metrics, and lists the flags, notes and where the report is', () => {
    const text = headlineText(report, 'runs/demo/x/report/index.html').split('\n')
    expect(text[0]).toMatch(
      /^test metric +value +95% interval +baseline +champion 20261101-090000-beef +vs champion +gate$/,
    )
    expect(text[1]).toMatch(
      /^accuracy +0\.\d+ +0\.\d+–0\.\d+ +0\.\d+ +0\.\d+ +[-+]0\.\d+ +floor FAIL, maxDrop ok$/,
    )
    expect(text).toContain('note: a note & more')
    expect(text.at(-1)).toBe('report: runs/demo/x/report/index.html')
    expect(text.filter((line) => line.startsWith('! '))).toHaveLength(report.flags.length)
  })
})
