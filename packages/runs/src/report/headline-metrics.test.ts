import { describe, expect, it } from 'vitest'
import { headlineMetrics, keyMetricColumns, trainingBackend } from './headline-metrics'

const metrics = {
  seed: 42,
  backend: { name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', gpu: false },
  train: { accuracy: 0.97, confusion_matrix: [[1]], per_class: { a: { f1: 1 } } },
  test: { accuracy: 1, log_loss: 0.0065 },
  history: [{ epoch: 1, val_loss: 0.6 }],
}

describe('headlineMetrics', () => {
  it("takes each split's numbers, test first, and nothing else", () => {
    expect(headlineMetrics(metrics)).toEqual({
      'test.accuracy': 1,
      'test.log_loss': 0.0065,
      'train.accuracy': 0.97,
    })
    expect(Object.keys(headlineMetrics(metrics))[0]).toBe('test.accuracy')
    expect(headlineMetrics(null)).toEqual({})
  })

  it('picks the key test metrics any run has, in a fixed order', () => {
    expect(keyMetricColumns([{ 'test.log_loss': 1 }, { 'test.accuracy': 1, 'train.f1_macro': 1 }])).toEqual([
      'test.accuracy',
      'test.log_loss',
    ])
    expect(keyMetricColumns([{ 'test.r2': 0.8, 'test.rmse': 3 }])).toEqual(['test.rmse', 'test.r2'])
  })

  it('reads the backend the run trained on', () => {
    expect(trainingBackend(metrics)).toBe('wasm')
    expect(trainingBackend({ backend: { name: 'tensorflow', gpu: true } })).toBe('tensorflow gpu')
    expect(trainingBackend({ accuracy: 0.9 })).toBeNull()
  })
})
