// Every kind of figure, rendered by Vega-Lite and Vega in Node: an SVG with drawn marks, from a spec
// that is a pure function of the figure's numbers.
import { describe, expect, it } from 'vitest'
import { figureSpec } from '../charts/figure-spec'
import { classificationReport, regressionReport } from '../report/test-fixtures/sample-report'
import { renderSvg } from './render-svg'

const figures = [...classificationReport().figures, ...regressionReport().figures]

describe('figures rendered to SVG', () => {
  it('covers every kind of figure', () => {
    expect(new Set(figures.map((f) => f.kind))).toEqual(
      new Set([
        'confusion',
        'roc',
        'precision-recall',
        'reliability',
        'confidence',
        'predicted-vs-actual',
        'residual-histogram',
        'residuals-vs-predicted',
        'error-by-decile',
        'learning-curve',
        'slice',
      ]),
    )
  })

  it.each(figures.map((f) => [f.id, f] as const))('%s: an SVG with its marks drawn', async (_, figure) => {
    const svg = await renderSvg(figureSpec(figure))
    expect(svg.startsWith('<svg')).toBe(true)
    const marks =
      svg.match(/<g class="mark-[a-z]+ role-mark[^"]*"[^>]*>(<(path|line|text|rect)[^>]*>)/g) ?? []
    expect(marks.length, svg.slice(0, 300)).toBeGreaterThan(0)
    expect(svg).not.toMatch(/NaN/)
  })

  it('plots the numbers of the figure: the spec is a pure function of its data', async () => {
    const roc = figures.find((f) => f.kind === 'roc') as (typeof figures)[number]
    const spec = JSON.stringify(figureSpec(roc))
    expect(spec).toBe(JSON.stringify(figureSpec(roc)))
    expect(spec).toContain(JSON.stringify((roc.data as { points: unknown[] }).points))
  })

  it('fails on a spec Vega-Lite warns about, rather than drawing something else', async () => {
    await expect(
      renderSvg({
        data: { values: [{ a: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'nonsense' as 'sum' } },
      }),
    ).rejects.toThrow(/vega-lite/)
  })
})
