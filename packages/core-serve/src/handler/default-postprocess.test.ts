import { describe, expect, it } from 'vitest'
import { defaultPostprocess } from './default-postprocess'
import type { LoadedModel } from './handler-api'

const model = (classes: readonly string[] | null) => ({ classes }) as LoadedModel

describe('defaultPostprocess', () => {
  it('gives classifiers the most likely label and every class probability', () => {
    const outputs = Float32Array.from([0.25, 0.5, 0.25, 0.75, 0.125, 0.125])
    expect(defaultPostprocess(outputs, [{}, {}], model(['a', 'b', 'c']))).toEqual([
      { label: 'b', probabilities: { a: 0.25, b: 0.5, c: 0.25 } },
      { label: 'a', probabilities: { a: 0.75, b: 0.125, c: 0.125 } },
    ])
  })

  it('gives regressors the number, and several outputs without classes as a list', () => {
    expect(defaultPostprocess(Float32Array.from([1.5, -2]), [[], []], model(null))).toEqual([1.5, -2])
    expect(defaultPostprocess(Float32Array.from([1, 2, 3, 4]), [[], []], model(null))).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(defaultPostprocess(new Float32Array(0), [], model(null))).toEqual([])
  })

  it('fails when the outputs do not fit the rows or the classes', () => {
    expect(() => defaultPostprocess(Float32Array.from([1, 2, 3]), [[], []], model(null))).toThrow(
      'the model returned 3 values for 2 rows',
    )
    expect(() => defaultPostprocess(Float32Array.from([1, 2]), [[]], model(['a', 'b', 'c']))).toThrow(
      'the model returned 2 values per row for 3 classes',
    )
  })
})
