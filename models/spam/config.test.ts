import { configKeys, resolveConfig } from '@sagepack/core-train'
import { describe, expect, it } from 'vitest'
import config from './config'

describe('the spam config', () => {
  it('documents every knob', () => {
    for (const key of configKeys(config.schema)) expect(key.doc, key.key).not.toBe('')
  })

  it('resolves its defaults and takes SPAM_* environment overrides', () => {
    expect(resolveConfig(config, { env: {} }).values.channels.train).toBe('data/spam.csv')
    const resolved = resolveConfig(config, { env: { SPAM_PREPROCESS_TEXT_DIMENSIONS: '4096' } })
    expect(resolved.values.preprocess.textDimensions).toBe(4096)
  })

  it('refuses a bucket count that is not a positive integer, naming the key', () => {
    expect(() => resolveConfig(config, { env: {}, sets: ['preprocess.textDimensions=0'] })).toThrow(
      'preprocess.textDimensions',
    )
  })
})
