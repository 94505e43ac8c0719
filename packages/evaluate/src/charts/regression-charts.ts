// Vega-Lite specs of a regressor's figures, each a small pure function of its figure's data.
import type { TopLevelSpec } from 'vega-lite'
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, PALETTE } from './chart-style'
import type { FigureData } from './figure-types'

export function predictedVsActualSpec(data: FigureData['predicted-vs-actual']): TopLevelSpec {
  const [low, high] = data.range
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_WIDTH,
    layer: [
      {
        data: { values: [{ v: low }, { v: high }] },
        mark: { type: 'line', color: '#8c959f', strokeDash: [2, 3] },
        encoding: {
          x: { field: 'v', type: 'quantitative', scale: { domain: [low, high] } },
          y: { field: 'v', type: 'quantitative', scale: { domain: [low, high] } },
        },
      },
      {
        data: { values: data.points },
        mark: { type: 'circle', size: 28, opacity: 0.7, color: PALETTE[0] },
        encoding: {
          x: { field: 'actual', type: 'quantitative', title: 'actual' },
          y: { field: 'predicted', type: 'quantitative', title: 'predicted' },
        },
      },
    ],
  } as TopLevelSpec
}

export function residualHistogramSpec(data: FigureData['residual-histogram']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data.bins },
    mark: { type: 'bar', color: PALETTE[0], stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'lower',
        type: 'quantitative',
        bin: { binned: true },
        title: 'residual (actual - predicted)',
      },
      x2: { field: 'upper' },
      y: { field: 'count', type: 'quantitative', title: 'test rows' },
    },
  } as TopLevelSpec
}

export function residualsVsPredictedSpec(data: FigureData['residuals-vs-predicted']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: [{ y: 0 }] },
        mark: { type: 'rule', color: '#8c959f', strokeDash: [2, 3] },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: data.points },
        mark: { type: 'circle', size: 28, opacity: 0.7, color: PALETTE[0] },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: 'predicted', scale: { zero: false } },
          y: { field: 'residual', type: 'quantitative', title: 'residual (actual - predicted)' },
        },
      },
    ],
  } as TopLevelSpec
}

export function errorByDecileSpec(data: FigureData['error-by-decile']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data.bars },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'range',
        type: 'ordinal',
        sort: { field: 'decile' },
        title: 'true value, by tenth of the test rows',
        axis: { labelAngle: -40 },
      },
      xOffset: { field: 'run', sort: ['this run', 'champion'] },
      y: { field: 'mae', type: 'quantitative', title: 'mean absolute error' },
      color: {
        ...(data.bars.some((bar) => bar.run === 'champion') ? {} : { legend: null }),
        field: 'run',
        type: 'nominal',
        title: null,
        scale: { domain: ['this run', 'champion'], range: [PALETTE[0], '#bab0ac'] },
      },
    },
  } as TopLevelSpec
}
