// The chart spec of any figure: its kind picks the builder.
import type { TopLevelSpec } from 'vega-lite'
import {
  confidenceSpec,
  confusionSpec,
  precisionRecallSpec,
  reliabilitySpec,
  rocSpec,
} from './classification-charts'
import type { Figure, FigureData, FigureKind } from './figure-types'
import { learningCurveSpec } from './learning-curve-chart'
import {
  errorByDecileSpec,
  predictedVsActualSpec,
  residualHistogramSpec,
  residualsVsPredictedSpec,
} from './regression-charts'
import { sliceSpec } from './slice-chart'

const BUILDERS: { [K in FigureKind]: (data: FigureData[K]) => TopLevelSpec } = {
  confusion: confusionSpec,
  roc: rocSpec,
  'precision-recall': precisionRecallSpec,
  reliability: reliabilitySpec,
  confidence: confidenceSpec,
  'predicted-vs-actual': predictedVsActualSpec,
  'residual-histogram': residualHistogramSpec,
  'residuals-vs-predicted': residualsVsPredictedSpec,
  'error-by-decile': errorByDecileSpec,
  'learning-curve': learningCurveSpec,
  slice: sliceSpec,
}

export function figureSpec(figure: Figure): TopLevelSpec {
  const build = BUILDERS[figure.kind] as (data: Figure['data']) => TopLevelSpec
  return build(figure.data)
}
