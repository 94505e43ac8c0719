import { describe, expect, it } from 'vitest'
import { configDifferences, formatConfigValue } from './config-differences'

describe('configDifferences', () => {
  it('names the dotted keys that differ, arrays compared whole, keys one side lacks included', () => {
    const a = { seed: 42, model: { hiddenUnits: [16, 16], activation: 'relu' }, train: { epochs: 200 } }
    const b = {
      seed: 42,
      model: { hiddenUnits: [32, 16], activation: 'relu' },
      train: { epochs: 200, lr: 0.05 },
    }
    expect(configDifferences(a, b)).toEqual({
      keys: 5,
      differences: [
        { key: 'model.hiddenUnits', a: [16, 16], b: [32, 16] },
        { key: 'train.lr', a: undefined, b: 0.05 },
      ],
    })
    expect(configDifferences(a, structuredClone(a)).differences).toEqual([])
  })

  it('shows strings bare, other values as JSON, and a missing key as (absent)', () => {
    expect([formatConfigValue('relu'), formatConfigValue([16, 16]), formatConfigValue(undefined)]).toEqual([
      'relu',
      '[16,16]',
      '(absent)',
    ])
  })
})
