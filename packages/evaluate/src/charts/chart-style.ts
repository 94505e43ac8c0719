// The look every chart shares: sizes, fonts and colours that read well in the report's column, on
// screen and printed. Kept in one place so the figures look like one report.
import type { Config } from 'vega-lite'

export const CHART_WIDTH = 300
export const CHART_HEIGHT = 220

const FONT = 'Helvetica, Arial, sans-serif'

/** Distinguishable colours (Tableau 10), for classes and splits. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
]

export const RIGHT_WRONG = { domain: ['right', 'wrong'], range: ['#59a14f', '#e15759'] }

export const CHART_CONFIG: Config = {
  font: FONT,
  view: { stroke: '#d0d7de' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    gridColor: '#eef1f4',
    domainColor: '#8c959f',
    tickColor: '#8c959f',
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    orient: 'bottom',
    direction: 'vertical',
  },
  title: { fontSize: 12, fontWeight: 'normal' },
}
