import { describe, expect, it } from 'vitest'
import { evaluationSettings } from './evaluation-settings'

describe('evaluation settings', () => {
  it('defaults a model without an evaluate section: no slices, no gates, the task default slice metric', () => {
    const settings = evaluationSettings({ seed: 42 }, 'regression', 'delivery-times')
    expect(settings).toMatchObject({ slices: [], gates: [], sliceMargin: 0.05, minSliceRows: 10 })
    expect(settings.sliceMetric.name).toBe('mae')
    expect(settings.bootstrap).toEqual({ resamples: 1000, seed: 7, level: 0.95 })
    expect(evaluationSettings({}, 'classification', 'churn').sliceMetric.name).toBe('accuracy')
  })

  it('refuses a slice metric the task does not have', () => {
    expect(() => evaluationSettings({ evaluate: { sliceMetric: 'rmse' } }, 'classification', 'iris')).toThrow(
      'models/iris/config.ts, evaluate.sliceMetric: is "rmse", which a classification model\'s report does not have',
    )
  })
})
