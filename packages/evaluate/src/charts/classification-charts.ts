// Vega-Lite specs of a classifier's figures, each a small pure function of its figure's data.
import type { TopLevelSpec } from 'vega-lite'
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, PALETTE, RIGHT_WRONG } from './chart-style'
import type { FigureData } from './figure-types'

const CELL = 64
const RUN_DASH = {
  field: 'run',
  type: 'nominal',
  title: null,
  scale: {
    domain: ['this run', 'champion'],
    range: [
      [1, 0],
      [5, 3],
    ],
  },
} as const

/** Solid for this run, dashed for the champion; no dash legend when there is no champion to tell apart. */
function runDash(runs: ReadonlyArray<{ run: string }>) {
  return runs.some((r) => r.run === 'champion') ? { strokeDash: RUN_DASH } : {}
}

export function confusionSpec(data: FigureData['confusion']): TopLevelSpec {
  const classes = [...new Set(data.cells.map((cell) => cell.truth))]
  const field = data.normalised ? 'share' : 'count'
  return {
    config: CHART_CONFIG,
    width: CELL * classes.length,
    height: CELL * classes.length,
    data: { values: data.cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        sort: classes,
        title: 'predicted class',
        axis: { labelAngle: 0, orient: 'top' },
      },
      y: { field: 'truth', type: 'nominal', sort: classes, title: 'true class' },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          color: {
            field,
            type: 'quantitative',
            scale: { scheme: 'blues', domainMin: 0, ...(data.normalised ? { domainMax: 1 } : {}) },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: {
          text: { field, type: 'quantitative', format: data.normalised ? '.0%' : 'd' },
          color: { condition: { test: `datum.share > 0.5`, value: 'white' }, value: '#1f2328' },
        },
      },
    ],
  }
}

export function rocSpec(data: FigureData['roc']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', color: '#8c959f', strokeDash: [2, 3] },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: data.points },
        mark: { type: 'line', interpolate: 'linear', strokeWidth: 2 },
        encoding: {
          x: { field: 'fpr', type: 'quantitative', title: 'false positive rate', scale: { domain: [0, 1] } },
          y: { field: 'tpr', type: 'quantitative', title: 'true positive rate', scale: { domain: [0, 1] } },
          color: { field: 'series', type: 'nominal', title: null, scale: { range: PALETTE } },
          ...runDash(data.points),
          detail: { field: 'run' },
          order: { field: 'fpr' },
        },
      },
    ],
  } as TopLevelSpec
}

export function precisionRecallSpec(data: FigureData['precision-recall']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data.points },
    mark: { type: 'line', interpolate: 'step-before', strokeWidth: 2 },
    encoding: {
      x: { field: 'recall', type: 'quantitative', title: 'recall', scale: { domain: [0, 1] } },
      y: { field: 'precision', type: 'quantitative', title: 'precision', scale: { domain: [0, 1] } },
      color: { field: 'series', type: 'nominal', title: null, scale: { range: PALETTE } },
      ...runDash(data.points),
      detail: { field: 'run' },
      order: { field: 'recall' },
    },
  } as TopLevelSpec
}

export function reliabilitySpec(data: FigureData['reliability']): TopLevelSpec {
  return {
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', color: '#8c959f', strokeDash: [2, 3] },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { values: data.bins },
        encoding: {
          x: {
            field: 'confidence',
            type: 'quantitative',
            title: 'mean top-class probability in the bin',
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'accuracy',
            type: 'quantitative',
            title: 'accuracy in the bin',
            scale: { domain: [0, 1] },
          },
          color: {
            field: 'run',
            type: 'nominal',
            title: null,
            scale: { domain: ['this run', 'champion'], range: [PALETTE[0], '#8c959f'] },
            ...(data.bins.some((b) => b.run === 'champion') ? {} : { legend: null }),
          },
        },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 2 },
            encoding: { ...runDash(data.bins), order: { field: 'confidence' } },
          },
          {
            // A bin of a few rows says little: its point is drawn small.
            mark: { type: 'circle', opacity: 0.9 },
            encoding: {
              size: {
                field: 'count',
                type: 'quantitative',
                title: 'test rows in the bin',
                scale: { range: [12, 220] },
                legend: { orient: 'right', tickCount: 3 },
              },
            },
          },
        ],
      },
    ],
  } as TopLevelSpec
}

export function confidenceSpec(data: FigureData['confidence']): TopLevelSpec {
  // Right and wrong answers in panels of their own, each with its own scale: a few costly mistakes
  // stay visible beside a thousand right answers.
  return {
    config: CHART_CONFIG,
    data: { values: data.bins },
    facet: {
      row: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        sort: ['right', 'wrong'],
        header: { labelAngle: 0, labelAlign: 'left' },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_WIDTH,
      height: CHART_HEIGHT / 2 - 10,
      // Empty bins are in the data (report.json) but not drawn.
      transform: [{ filter: 'datum.count > 0' }],
      mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: {
          field: 'lower',
          type: 'quantitative',
          bin: { binned: true, step: 0.05 },
          title: 'top-class probability',
          scale: { domain: [0, 1] },
        },
        x2: { field: 'upper' },
        y: { field: 'count', type: 'quantitative', title: 'test rows' },
        color: { field: 'outcome', type: 'nominal', legend: null, scale: RIGHT_WRONG },
      },
    },
  } as TopLevelSpec
}
