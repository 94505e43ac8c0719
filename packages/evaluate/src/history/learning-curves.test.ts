import { describe, expect, it } from 'vitest'
import { learningCurves } from './learning-curves'

describe('learning curves', () => {
  it('reads loss and the metric per split, and marks the lowest validation loss', () => {
    const curves = learningCurves([
      { epoch: 1, train_loss: 1, train_accuracy: 0.5, val_loss: 0.9, val_accuracy: 0.6 },
      { epoch: 2, train_loss: 0.5, train_accuracy: 0.8, val_loss: 0.4, val_accuracy: 0.9 },
      { epoch: 3, train_loss: 0.3, train_accuracy: 0.9, val_loss: 0.6, val_accuracy: 0.85 },
    ])
    expect(curves.bestEpoch).toBe(2)
    expect(curves.bestBy).toBe('val_loss')
    expect(curves.loss).toHaveLength(6)
    expect(curves.loss[1]).toEqual({ epoch: 1, split: 'validation', value: 0.9 })
    expect(curves.metric?.name).toBe('accuracy')
    expect(curves.metric?.points.filter((p) => p.split === 'train').map((p) => p.value)).toEqual([
      0.5, 0.8, 0.9,
    ])
  })

  it('falls back to the training loss without a validation split, and copes with no history', () => {
    const curves = learningCurves([
      { epoch: 1, train_loss: 2 },
      { epoch: 2, train_loss: 1 },
    ])
    expect([curves.bestEpoch, curves.bestBy, curves.metric]).toEqual([2, 'train_loss', null])
    expect(learningCurves(undefined)).toEqual({ loss: [], metric: null, bestEpoch: null, bestBy: null })
  })
})
