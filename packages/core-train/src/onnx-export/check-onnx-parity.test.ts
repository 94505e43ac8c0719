import { isUserError } from '@sagepack/core-data'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { checkOnnxParity, compareOutputs } from './check-onnx-parity'
import { exportOnnx } from './export-onnx'
import { irisMlp, seededRows } from './onnx-test-models.fixture'

beforeAll(async () => {
  expect((await chooseBackend({ env: {} })).backend).toBe('wasm')
})

describe('checkOnnxParity', () => {
  it('reports a near-zero difference for a model against its own export', async () => {
    const model = irisMlp(3)
    const parity = await checkOnnxParity(exportOnnx(model), model, seededRows(10, 4, 'own'), 10)
    expect(parity.rows).toBe(10)
    expect(parity.maxAbsDiff).toBeLessThan(1e-5)
  })

  it('reports the difference when the ONNX model is not the tfjs model', async () => {
    const parity = await checkOnnxParity(exportOnnx(irisMlp(3)), irisMlp(4), seededRows(10, 4, 'other'), 10)
    expect(parity.maxAbsDiff).toBeGreaterThan(1e-2)
  })

  it('scales a difference by the output beyond ±1, so float32 rounding of large outputs is no mismatch', () => {
    // 46 and 250000 differ from their neighbouring float32 values by 3.8e-6 and 0.016.
    const large = compareOutputs([46, 250_000], [Math.fround(46 + 3.8e-6), Math.fround(250_000 + 0.016)])
    expect(large.maxAbsDiff).toBeCloseTo(0.015625, 6)
    expect(large.maxScaledDiff).toBeLessThan(1e-7)
    // Within ±1 (probabilities) the scaled difference is the absolute one.
    expect(compareOutputs([0.5, -0.25], [0.5, -0.5])).toEqual({ maxAbsDiff: 0.25, maxScaledDiff: 0.25 })
    expect(compareOutputs([Number.NaN], [1])).toEqual({
      maxAbsDiff: Number.POSITIVE_INFINITY,
      maxScaledDiff: Number.POSITIVE_INFINITY,
    })
  })

  it('refuses a row count that does not divide the features', async () => {
    const model = irisMlp(3)
    const error = await checkOnnxParity(exportOnnx(model), model, new Float32Array(10), 3).catch(
      (e: unknown) => e,
    )
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain('checkOnnxParity rows=3')
  })
})
