import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { positiveInteger } from './config-formats'
import { defineModelConfig } from './define-model-config'
import { describeConfig } from './describe-config'
import { resolveConfig } from './resolve-config'

const fixture = defineModelConfig('demo-model', {
  seed: { doc: 'Random seed', format: 'int', default: 42 },
  train: {
    epochs: { doc: 'Passes over the data', format: 'nat', default: 10 },
    learningRate: { doc: 'Adam step size', format: Number, default: 0.01 },
  },
  model: {
    activation: { doc: 'Hidden activation', format: ['relu', 'tanh'], default: 'relu' },
    hiddenUnits: { doc: 'Units per hidden layer', format: Array, default: [16] },
    name: { doc: 'Display name', format: String, default: 'demo' },
  },
})

function configFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-config-'))
  const path = join(dir, 'config.json')
  writeFileSync(path, content)
  return path
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('expected a UserError')
}

describe('resolveConfig precedence', () => {
  it('uses defaults when nothing else is given', () => {
    const { values, sources } = resolveConfig(fixture, { env: {} })
    expect(values).toEqual({
      seed: 42,
      train: { epochs: 10, learningRate: 0.01 },
      model: { activation: 'relu', hiddenUnits: [16], name: 'demo' },
    })
    expect(sources['train.epochs']).toBe('default')
  })

  it('layers defaults < config.json < env < --set < hyperparameters', () => {
    const file = configFile(
      JSON.stringify({ train: { epochs: 20, learningRate: 0.5 }, seed: 7, model: { name: 'f' } }),
    )
    const { values, sources } = resolveConfig(fixture, {
      configFile: file,
      env: { DEMO_MODEL_TRAIN_EPOCHS: '30', DEMO_MODEL_TRAIN_LEARNING_RATE: '0.2', DEMO_MODEL_SEED: '8' },
      sets: ['train.epochs=40', 'train.learningRate=0.3'],
      hyperparameters: { 'train.epochs': '50', sagemaker_program: 'ignored', sagepack_model: 'demo-model' },
    })
    expect(values.train.epochs).toBe(50)
    expect(values.train.learningRate).toBe(0.3)
    expect(values.seed).toBe(8)
    expect(values.model.name).toBe('f')
    expect(sources).toMatchObject({
      'train.epochs': 'hyperparameter',
      'train.learningRate': '--set',
      seed: 'env',
      'model.name': 'config.json',
      'model.activation': 'default',
    })
  })

  it('decodes hyperparameters like the SageMaker toolkit: JSON when possible, else the raw string', () => {
    const { values } = resolveConfig(fixture, {
      env: {},
      hyperparameters: {
        'model.activation': '"tanh"',
        'model.hiddenUnits': '[32,8]',
        'model.name': '123abc',
      },
    })
    expect(values.model).toEqual({ activation: 'tanh', hiddenUnits: [32, 8], name: '123abc' })
    const raw = resolveConfig(fixture, { env: {}, hyperparameters: { 'model.activation': 'tanh' } })
    expect(raw.values.model.activation).toBe('tanh')
  })
})

describe('resolveConfig errors', () => {
  it('names the --set, the key and the expected format for a bad value', () => {
    const error = errorOf(() => resolveConfig(fixture, { env: {}, sets: ['train.epochs=abc'] }))
    expect(error.input).toBe('--set train.epochs=abc')
    expect(error.message).toContain('train.epochs must be a positive integer')
    expect(error.message).toContain('expected format nat')
    expect(error.message).toContain('default 10')
  })

  it('refuses a zero batch size when the config is resolved, before training starts', () => {
    const batched = defineModelConfig('batched', {
      train: { batchSize: { doc: 'Rows per step', format: positiveInteger, default: 8 } },
    })
    const error = errorOf(() => resolveConfig(batched, { env: {}, sets: ['train.batchSize=0'] }))
    expect(error.input).toBe('--set train.batchSize=0')
    expect(error.message).toContain('train.batchSize must be a whole number of at least 1')
    expect(error.message).toContain('expected format positiveInteger')
    expect(resolveConfig(batched, { env: {}, sets: ['train.batchSize=4'] }).values.train.batchSize).toBe(4)
  })

  it('names a value outside an enum with the allowed values', () => {
    const error = errorOf(() => resolveConfig(fixture, { env: {}, sets: ['model.activation=gelu'] }))
    expect(error.input).toBe('--set model.activation=gelu')
    expect(error.message).toContain('["relu","tanh"]')
  })

  it('rejects an unknown --set key and suggests the close ones', () => {
    const error = errorOf(() => resolveConfig(fixture, { env: {}, sets: ['epochs=3'] }))
    expect(error.input).toBe('--set epochs=3')
    expect(error.problem).toBe(`"epochs" is not a key of model demo-model's config`)
    expect(error.expected).toContain('train.epochs')
  })

  it('rejects a --set without "="', () => {
    expect(errorOf(() => resolveConfig(fixture, { env: {}, sets: ['train.epochs'] })).problem).toBe(
      'not of the form key=value',
    )
  })

  it('rejects unknown hyperparameters but skips reserved ones', () => {
    const error = errorOf(() => resolveConfig(fixture, { env: {}, hyperparameters: { batch: '3' } }))
    expect(error.input).toBe('hyperparameter "batch"')
  })

  it('names a bad env value by its variable', () => {
    const error = errorOf(() => resolveConfig(fixture, { env: { DEMO_MODEL_SEED: 'x1' } }))
    expect(error.input).toBe('environment DEMO_MODEL_SEED=x1')
  })

  it('rejects unknown keys and bad JSON in config.json', () => {
    const unknown = configFile(JSON.stringify({ train: { epoch: 3 } }))
    expect(errorOf(() => resolveConfig(fixture, { env: {}, configFile: unknown })).input).toBe(
      `${unknown}: "train.epoch"`,
    )
    const broken = configFile('{"train": ')
    const error = errorOf(() => resolveConfig(fixture, { env: {}, configFile: broken }))
    expect(error.input).toBe(broken)
    expect(error.problem).toMatch(/^not valid JSON/)
  })
})

describe('describeConfig', () => {
  it('lists every key with its value, source, env name and doc', () => {
    const resolved = resolveConfig(fixture, { env: {}, sets: ['seed=1'] })
    const rows = describeConfig(fixture, resolved)
    expect(rows.map((r) => r.key)).toEqual([
      'seed',
      'train.epochs',
      'train.learningRate',
      'model.activation',
      'model.hiddenUnits',
      'model.name',
    ])
    expect(rows[0]).toEqual({
      key: 'seed',
      value: 1,
      source: '--set',
      format: 'int',
      default: 42,
      env: 'DEMO_MODEL_SEED',
      doc: 'Random seed',
    })
  })
})
