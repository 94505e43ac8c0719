// The Vega-Lite spec of a learning curve: loss or metric per epoch for train and validation, with the
// best epoch marked by a rule.
import type { TopLevelSpec } from 'vega-lite'
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, PALETTE } from './chart-style'
import type { FigureData } from './figure-types'

export function learningCurveSpec(data: FigureData['learning-curve']): TopLevelSpec {
  const lastEpoch = Math.max(0, ...data.points.map((p) => p.epoch))
  // The label reads away from the plot's right edge, where it would be cut off.
  const leftOfRule = data.bestEpoch !== null && data.bestEpoch > lastEpoch / 2
  // A loss that falls by orders of magnitude (an MSE in the hundreds at first) reads on a log scale.
  const values = data.points.map((p) => p.value)
  const logScale = Math.min(...values) > 0 && Math.max(...values) / Math.min(...values) > 20
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: data.points },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
          y: {
            field: 'value',
            type: 'quantitative',
            title: logScale ? `${data.measure} (log scale)` : data.measure,
            scale: { type: logScale ? 'log' : 'linear' },
          },
          color: {
            field: 'split',
            type: 'nominal',
            title: null,
            scale: { domain: ['train', 'validation'], range: [PALETTE[0], PALETTE[1]] },
          },
        },
      },
      ...(data.bestEpoch === null
        ? []
        : [
            {
              data: { values: [{ epoch: data.bestEpoch, label: `best epoch ${data.bestEpoch}` }] },
              layer: [
                {
                  mark: { type: 'rule', color: '#57606a', strokeDash: [4, 3] },
                  encoding: { x: { field: 'epoch', type: 'quantitative' } },
                },
                {
                  mark: {
                    type: 'text',
                    align: leftOfRule ? 'right' : 'left',
                    dx: leftOfRule ? -4 : 4,
                    color: '#57606a',
                    fontSize: 11,
                  },
                  encoding: {
                    x: { field: 'epoch', type: 'quantitative' },
                    // Loss ends low, a metric high: the label sits where the curves are not.
                    y: { value: data.measure === 'loss' ? 6 : CHART_HEIGHT - 6 },
                    text: { field: 'label' },
                  },
                },
              ],
            },
          ]),
    ],
  } as TopLevelSpec
}
