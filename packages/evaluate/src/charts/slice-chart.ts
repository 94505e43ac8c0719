// The Vega-Lite spec of one slice: each group's slice metric with its 95% interval, the whole test
// split's value as a rule, flagged groups in red.
import type { TopLevelSpec } from 'vega-lite'
import { CHART_CONFIG, CHART_WIDTH, PALETTE } from './chart-style'
import type { FigureData } from './figure-types'

const ROW = 26

/** The x range: every interval and the whole, padded, so equal values do not collapse the axis. */
function sliceDomain(data: FigureData['slice']): [number, number] {
  const numbers = [data.whole, ...data.groups.flatMap((g) => [g.low, g.high, g.metric])].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  )
  if (numbers.length === 0) return [0, 1]
  const low = Math.min(...numbers)
  const high = Math.max(...numbers)
  const pad = high > low ? (high - low) * 0.08 : Math.max(Math.abs(high) * 0.05, 0.05)
  const [floor, ceiling] = data.bounds ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]
  return [Math.max(floor, low - pad), Math.min(ceiling, high + pad)]
}

export function sliceSpec(data: FigureData['slice']): TopLevelSpec {
  const values = data.groups.map((group) => ({ ...group, label: `${group.value} (n=${group.count})` }))
  const x = {
    type: 'quantitative',
    scale: { domain: sliceDomain(data), nice: false },
    axis: { format: '.3~g', tickCount: 5 },
  }
  const color = {
    field: 'flagged',
    type: 'nominal',
    legend: null,
    scale: { domain: [false, true], range: [PALETTE[0], '#cf222e'] },
  }
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 320 } }
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: ROW * Math.max(1, values.length),
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: {
              y,
              x: { ...x, field: 'low', title: `${data.label} (95% interval)` },
              x2: { field: 'high' },
              color,
            },
          },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: { y, x: { ...x, field: 'metric' }, color },
          },
        ],
      },
      ...(data.whole === null
        ? []
        : [
            {
              data: { values: [{ whole: data.whole }] },
              mark: { type: 'rule', color: '#57606a', strokeDash: [4, 3] },
              encoding: { x: { ...x, field: 'whole' } },
            },
          ]),
    ],
  } as TopLevelSpec
}
