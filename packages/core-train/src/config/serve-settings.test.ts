import { describe, expect, it } from 'vitest'
import { defineModelConfig } from './define-model-config'
import { resolveConfig } from './resolve-config'
import { serveSettings } from './serve-settings'

const demo = defineModelConfig('demo', serveSettings())

describe('serveSettings', () => {
  it('defaults to 4096 rows per predict call and no wait, and takes a model its own defaults', () => {
    expect(resolveConfig(demo, { env: {} }).values.serve).toEqual({
      batching: { maxRows: 4096, maxDelayMs: 0 },
    })
    const own = defineModelConfig('own', serveSettings({ maxRows: 64, maxDelayMs: 2 }))
    expect(resolveConfig(own, { env: {} }).values.serve).toEqual({ batching: { maxRows: 64, maxDelayMs: 2 } })
  })

  it("is set like any key: the model's environment variable and --set", () => {
    const { values, sources } = resolveConfig(demo, {
      env: { DEMO_SERVE_BATCHING_MAX_ROWS: '256' },
      sets: ['serve.batching.maxDelayMs=3'],
    })
    expect(values.serve.batching).toEqual({ maxRows: 256, maxDelayMs: 3 })
    expect(sources['serve.batching.maxRows']).toBe('env')
    expect(sources['serve.batching.maxDelayMs']).toBe('--set')
  })

  it.each([
    ['serve.batching.maxRows=0', /serve\.batching\.maxRows.*from 1 \(batching off\) to 1000000/s],
    ['serve.batching.maxRows=2.5', /serve\.batching\.maxRows.*whole number of rows/s],
    ['serve.batching.maxDelayMs=-1', /serve\.batching\.maxDelayMs.*from 0 \(never wait\) to 10000/s],
    ['serve.batching.maxDelayMs=20000', /serve\.batching\.maxDelayMs.*whole number of milliseconds/s],
  ])('refuses %s, naming the key and the expected form', (set, message) => {
    expect(() => resolveConfig(demo, { env: {}, sets: [set] })).toThrow(message)
  })
})
