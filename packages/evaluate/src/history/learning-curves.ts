// Learning curves from metrics.json's per-epoch history: loss and the task's metric for the train and
// validation splits, and the best epoch (lowest validation loss, as early stopping picks it, whose
// weights the run keeps; lowest training loss without a validation split).

interface LearningCurvePoint {
  epoch: number
  split: 'train' | 'validation'
  value: number
}

export interface LearningCurves {
  loss: LearningCurvePoint[]
  /** The per-epoch metric the fit loop logs (accuracy for classifiers), when there is one. */
  metric: { name: string; points: LearningCurvePoint[] } | null
  bestEpoch: number | null
  /** What bestEpoch is the best of. */
  bestBy: 'val_loss' | 'train_loss' | null
}

const PREFIXES = { train: 'train_', validation: 'val_' } as const

export function learningCurves(history: unknown): LearningCurves {
  const epochs = Array.isArray(history) ? history.filter(isEpoch) : []
  const series = (measure: string): LearningCurvePoint[] =>
    epochs.flatMap((entry) =>
      (Object.keys(PREFIXES) as Array<keyof typeof PREFIXES>).flatMap((split) => {
        const value = entry[`${PREFIXES[split]}${measure}`]
        return typeof value === 'number' && Number.isFinite(value)
          ? [{ epoch: entry.epoch, split, value }]
          : []
      }),
    )
  const measures = new Set(
    epochs.flatMap((entry) =>
      Object.keys(entry).filter((key) => key.startsWith('train_') && key !== 'train_loss'),
    ),
  )
  const metricName = [...measures][0]?.slice('train_'.length)
  const loss = series('loss')
  const best = (split: 'validation' | 'train') =>
    loss
      .filter((p) => p.split === split)
      .reduce<LearningCurvePoint | null>((a, b) => (a === null || b.value < a.value ? b : a), null)
  const bestValidation = best('validation')
  const bestTrain = bestValidation ? null : best('train')
  return {
    loss,
    metric: metricName ? { name: metricName, points: series(metricName) } : null,
    bestEpoch: (bestValidation ?? bestTrain)?.epoch ?? null,
    bestBy: bestValidation ? 'val_loss' : bestTrain ? 'train_loss' : null,
  }
}

function isEpoch(value: unknown): value is { epoch: number } & Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { epoch?: unknown }).epoch === 'number'
  )
}
