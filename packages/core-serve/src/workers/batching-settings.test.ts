import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { batchingOverridesFrom, describeBatching, resolveBatching } from './batching-settings'

const thrown = (run: () => unknown): UserError => {
  try {
    run()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('batching settings', () => {
  it('are the defaults without config or environment: 4096 rows, no wait', () => {
    expect(resolveBatching({ model: {} }, batchingOverridesFrom({}))).toEqual({
      maxRows: 4096,
      maxDelayMs: 0,
      sources: { maxRows: 'default', maxDelayMs: 'default' },
    })
  })

  it("come from the bundle's serve.batching, and the environment overrides each on its own", () => {
    const config = { serve: { batching: { maxRows: 256, maxDelayMs: 2 } } }
    expect(resolveBatching(config, batchingOverridesFrom({}))).toEqual({
      maxRows: 256,
      maxDelayMs: 2,
      sources: { maxRows: 'config.json', maxDelayMs: 'config.json' },
    })
    expect(resolveBatching(config, batchingOverridesFrom({ SAGEPACK_MAX_BATCH_DELAY_MS: ' 0 ' }))).toEqual({
      maxRows: 256,
      maxDelayMs: 0,
      sources: { maxRows: 'config.json', maxDelayMs: 'env' },
    })
    expect(resolveBatching(config, batchingOverridesFrom({ SAGEPACK_MAX_BATCH_ROWS: '1' })).maxRows).toBe(1)
  })

  it('refuse a bad variable, naming it, the expected form and the fix', () => {
    for (const value of ['0', '-4', '2.5', 'lots', '1000001']) {
      const error = thrown(() => batchingOverridesFrom({ SAGEPACK_MAX_BATCH_ROWS: value }))
      expect(error.input).toBe(`SAGEPACK_MAX_BATCH_ROWS=${value}`)
      expect(error.expected).toBe('a whole number of rows from 1 (batching off) to 1000000')
      expect(error.fix).toMatch(/^set SAGEPACK_MAX_BATCH_ROWS to the most rows one predict call may take/)
    }
    for (const value of ['-1', '0.5', '10001', 'soon']) {
      const error = thrown(() => batchingOverridesFrom({ SAGEPACK_MAX_BATCH_DELAY_MS: value }))
      expect(error.input).toBe(`SAGEPACK_MAX_BATCH_DELAY_MS=${value}`)
      expect(error.expected).toBe('a whole number of milliseconds from 0 (never wait) to 10000')
    }
  })

  it('refuse a hand-edited config.json value, naming the key and both fixes', () => {
    const error = thrown(() => resolveBatching({ serve: { batching: { maxRows: 0 } } }, {}))
    expect(error.input).toBe('config.json serve.batching.maxRows=0')
    expect(error.fix).toBe(
      "set serve.batching.maxRows in the model's config.ts (see serveSettings) and bundle again, or override it with SAGEPACK_MAX_BATCH_ROWS",
    )
    // An override makes the bundle's value moot.
    expect(resolveBatching({ serve: { batching: { maxRows: 0 } } }, { maxRows: 8 }).maxRows).toBe(8)
  })

  it('are said in one start-up line, with where each came from', () => {
    expect(describeBatching(resolveBatching({}, {}))).toBe(
      'batching: up to 4096 rows per predict call (default; SAGEPACK_MAX_BATCH_ROWS), taking only requests already queued (default; SAGEPACK_MAX_BATCH_DELAY_MS)',
    )
    expect(
      describeBatching(resolveBatching({ serve: { batching: { maxDelayMs: 3 } } }, { maxRows: 1 })),
    ).toBe(
      'batching: off (1 row per predict call; SAGEPACK_MAX_BATCH_ROWS), waiting up to 3 ms for more requests (serve.batching.maxDelayMs in config.json)',
    )
  })
})
