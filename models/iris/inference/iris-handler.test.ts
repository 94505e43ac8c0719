import type { LoadedModel } from '@sagepack/core-serve'
import { describe, expect, it } from 'vitest'
import handler from './index'

const model = { classes: ['setosa', 'versicolor', 'virginica'] } as unknown as LoadedModel

describe('the iris handler', () => {
  it('answers each row with the most probable species and every species probability', () => {
    const outputs = new Float32Array([0.1, 0.7, 0.2, 0.9, 0.05, 0.05, 0.2, 0.3, 0.5])
    const predictions = handler.postprocess?.(outputs, [{}, {}, {}], model, { customAttributes: undefined })
    expect(predictions).toEqual([
      {
        species: 'versicolor',
        probabilities: { setosa: outputs[0], versicolor: outputs[1], virginica: outputs[2] },
      },
      {
        species: 'setosa',
        probabilities: { setosa: outputs[3], versicolor: outputs[4], virginica: outputs[5] },
      },
      {
        species: 'virginica',
        probabilities: { setosa: outputs[6], versicolor: outputs[7], virginica: outputs[8] },
      },
    ])
  })
})
