// The metrics a report scores, per task, with the direction that is better and how each is defined,
// so deltas, gates and slice flags agree on what "worse" means.
import type { Scores } from './scored-rows'

export type Task = Scores['task']

export interface MetricInfo {
  name: string
  label: string
  /** true when a larger value is better. */
  higherIsBetter: boolean
  /** The values it can take, when bounded on both sides. */
  bounds?: [number, number]
  definition: string
}

const CLASSIFICATION: readonly MetricInfo[] = [
  {
    name: 'accuracy',
    bounds: [0, 1],
    label: 'accuracy',
    higherIsBetter: true,
    definition: 'share of rows whose top class is right',
  },
  {
    name: 'f1_macro',
    bounds: [0, 1],
    label: 'F1 (macro)',
    higherIsBetter: true,
    definition: 'mean F1 over the classes in the truth or the predictions (sklearn f1_score average="macro")',
  },
  {
    name: 'precision_macro',
    bounds: [0, 1],
    label: 'precision (macro)',
    higherIsBetter: true,
    definition: 'mean precision over the same classes; a class never predicted scores 0',
  },
  {
    name: 'recall_macro',
    bounds: [0, 1],
    label: 'recall (macro)',
    higherIsBetter: true,
    definition: 'mean recall over the same classes',
  },
  {
    name: 'log_loss',
    label: 'log loss',
    higherIsBetter: false,
    definition:
      'mean -ln p(true class), probabilities clipped to [2.2e-16, 1 - 2.2e-16] and renormalised per row (sklearn log_loss)',
  },
  {
    name: 'roc_auc',
    bounds: [0, 1],
    label: 'ROC AUC',
    higherIsBetter: true,
    definition:
      'area under the ROC curve, trapezoidal; two classes: of the second class; more: the mean over classes one-vs-rest (sklearn roc_auc_score multi_class="ovr")',
  },
  {
    name: 'average_precision',
    bounds: [0, 1],
    label: 'PR AUC (average precision)',
    higherIsBetter: true,
    definition:
      'sum over thresholds of (recall step) x precision, not the trapezoidal area; two classes: of the second class; more: the one-vs-rest mean (sklearn average_precision_score)',
  },
  {
    name: 'ece',
    bounds: [0, 1],
    label: 'expected calibration error',
    higherIsBetter: false,
    definition:
      'sum over 10 equal-width bins of the top-class probability of (rows in bin / rows) x |accuracy - mean probability| (bins as sklearn calibration_curve strategy="uniform")',
  },
]

const REGRESSION: readonly MetricInfo[] = [
  { name: 'rmse', label: 'RMSE', higherIsBetter: false, definition: 'root mean squared error' },
  { name: 'mae', label: 'MAE', higherIsBetter: false, definition: 'mean absolute error' },
  {
    name: 'r2',
    label: 'R²',
    higherIsBetter: true,
    definition: '1 - residual sum of squares / total sum of squares (sklearn r2_score)',
  },
]

export function metricsOf(task: Task): readonly MetricInfo[] {
  return task === 'classification' ? CLASSIFICATION : REGRESSION
}

export function metricInfo(task: Task, name: string): MetricInfo | undefined {
  return metricsOf(task).find((metric) => metric.name === name)
}

/** How much `value` is worse than `reference` (positive = worse), in the metric's own units. */
export function worsening(metric: MetricInfo, value: number, reference: number): number {
  return metric.higherIsBetter ? reference - value : value - reference
}
