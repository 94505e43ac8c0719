// A regressor's figures: predicted against actual, the residuals' histogram, residuals against the
// prediction, and the error by tenth of the target (the champion's beside when its run is here).
import { type Figure, type FigureData, figure } from '../charts/figure-types'
import { formatNumber } from '../format/format-number'
import { errorByDecile } from '../metrics/error-by-decile'
import { histogram } from '../metrics/histogram'
import { residuals } from '../metrics/regression-errors'
import type { RegressionScores } from '../metrics/scored-rows'

const RESIDUAL_BINS = 20

export function regressionFigures(scores: RegressionScores, champion: RegressionScores | null): Figure[] {
  const residual = residuals(scores)
  const points = Array.from(scores.truth, (actual, row) => ({
    actual,
    predicted: scores.predicted[row] as number,
  }))
  const all = [...scores.truth, ...scores.predicted]
  const range: [number, number] = [Math.min(...all), Math.max(...all)]
  const bars: FigureData['error-by-decile']['bars'] = []
  for (const [run, runScores] of champion
    ? ([
        ['this run', scores],
        ['champion', champion],
      ] as const)
    : ([['this run', scores]] as const)) {
    for (const d of errorByDecile(runScores)) {
      bars.push({
        decile: d.decile,
        range: run === 'this run' ? `${formatNumber(d.from)}–${formatNumber(d.to)}` : '',
        run,
        mae: d.mae,
      })
    }
  }
  // The champion's tenths sit beside this run's, under this run's labels.
  for (const bar of bars) {
    if (bar.run === 'champion')
      bar.range =
        bars.find((b) => b.run === 'this run' && b.decile === bar.decile)?.range ?? `tenth ${bar.decile}`
  }
  return [
    figure(
      'predicted-vs-actual',
      'predicted-vs-actual',
      'Predicted against actual',
      'Each test row; on the dotted diagonal the prediction is exact.',
      { points, range },
    ),
    figure(
      'residual-histogram',
      'residual-histogram',
      'Residuals',
      'actual - predicted: right of 0 the model predicted too low.',
      { bins: histogram(residual, RESIDUAL_BINS) },
    ),
    figure(
      'residuals-vs-predicted',
      'residuals-vs-predicted',
      'Residuals against the prediction',
      'A funnel or a curve here means the error depends on the size of the prediction.',
      {
        points: Array.from(residual, (r, row) => ({
          predicted: scores.predicted[row] as number,
          residual: r,
        })),
      },
    ),
    figure(
      'error-by-decile',
      'error-by-decile',
      'Error by tenth of the target',
      `Test rows ranked by their true value and cut into ten equal groups.${champion ? ' Grey: the champion on its own test split.' : ''}`,
      { bars },
    ),
  ]
}
