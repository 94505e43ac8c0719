import { describe, expect, it } from 'vitest'
import { defineModelConfig } from './define-model-config'
import { resolveConfig } from './resolve-config'
import { supervisedConfig, supervisedSettingsFrom } from './supervised-config'

const positive = { doc: 'x', format: Number, default: 0 }

describe('supervisedConfig', () => {
  it("gives the pipeline's defaults, each overridable by the model", () => {
    const config = defineModelConfig('demo', {
      ...supervisedConfig({ hiddenUnits: [8], epochs: 30, dropout: 0.25 }),
      checks: { maxMissingFraction: positive },
    })
    const values = resolveConfig(config, { env: {} }).values
    expect(supervisedSettingsFrom(values)).toEqual({
      seed: 42,
      validationFraction: 0.15,
      testFraction: 0.2,
      dropDuplicates: true,
      hiddenUnits: [8],
      activation: 'relu',
      dropout: 0.25,
      epochs: 30,
      batchSize: 16,
      learningRate: 0.01,
      patience: 25,
      checkpointEvery: 10,
      checks: { maxMissingFraction: 0 },
    })
  })

  it('takes --set values and the text buckets of a text model', () => {
    const config = defineModelConfig('demo', {
      ...supervisedConfig(),
      preprocess: { textDimensions: { doc: 'buckets', format: Number, default: 512 } },
    })
    const values = resolveConfig(config, {
      env: {},
      sets: ['train.epochs=5', 'model.activation=tanh'],
    }).values
    const settings = supervisedSettingsFrom(values)
    expect(settings).toMatchObject({ epochs: 5, activation: 'tanh', textDimensions: 512 })
    expect(settings).not.toHaveProperty('checks')
  })

  it('refuses a split fraction outside [0, 1), naming the key', () => {
    const config = defineModelConfig('demo', supervisedConfig())
    expect(() => resolveConfig(config, { env: {}, sets: ['data.testFraction=1.5'] })).toThrow(
      /data\.testFraction/,
    )
    expect(() => resolveConfig(config, { env: {}, sets: ['model.activation=gelu'] })).toThrow(
      /model\.activation/,
    )
  })
})
