// Every figure of a report as data: its kind picks the chart spec (charts/figure-spec.ts), and its
// data is exactly what that spec plots, so report.json holds the numbers behind every picture.

/** Which run a curve or bar belongs to. */
export type RunSeries = 'this run' | 'champion'

export interface FigureData {
  confusion: {
    normalised: boolean
    cells: Array<{ truth: string; predicted: string; count: number; share: number }>
  }
  roc: { points: Array<{ series: string; run: RunSeries; fpr: number; tpr: number }> }
  'precision-recall': { points: Array<{ series: string; run: RunSeries; recall: number; precision: number }> }
  reliability: {
    bins: Array<{
      run: RunSeries
      lower: number
      upper: number
      count: number
      confidence: number
      accuracy: number
    }>
  }
  confidence: { bins: Array<{ lower: number; upper: number; outcome: 'right' | 'wrong'; count: number }> }
  'predicted-vs-actual': { points: Array<{ actual: number; predicted: number }>; range: [number, number] }
  'residual-histogram': { bins: Array<{ lower: number; upper: number; count: number }> }
  'residuals-vs-predicted': { points: Array<{ predicted: number; residual: number }> }
  'error-by-decile': { bars: Array<{ decile: number; range: string; run: RunSeries; mae: number }> }
  'learning-curve': {
    measure: string
    points: Array<{ epoch: number; split: 'train' | 'validation'; value: number }>
    bestEpoch: number | null
  }
  slice: {
    metric: string
    /** The metric as people read it: "MAE", "accuracy". */
    label: string
    /** The values the metric can take ([0, 1] for accuracy), so the axis never shows impossible ones. */
    bounds: [number, number] | null
    whole: number | null
    groups: Array<{
      value: string
      metric: number | null
      low: number | null
      high: number | null
      count: number
      flagged: boolean
    }>
  }
}

export type FigureKind = keyof FigureData

export interface Figure<K extends FigureKind = FigureKind> {
  /** Unique in the report; the HTML anchor. */
  id: string
  kind: K
  title: string
  /** One or two sentences that say how to read it. */
  caption: string
  data: FigureData[K]
}

export function figure<K extends FigureKind>(
  kind: K,
  id: string,
  title: string,
  caption: string,
  data: FigureData[K],
): Figure<K> {
  return { id, kind, title, caption, data }
}
