import type { LoadedModel } from '@sagepack/core-serve'
import { describe, expect, it } from 'vitest'
import handler from './index'

const model = { classes: ['no', 'yes'] } as unknown as LoadedModel

describe('the inference handler', () => {
  it('answers each row with the most probable class and every class probability', () => {
    const outputs = new Float32Array([0.9, 0.1, 0.25, 0.75])
    const predictions = handler.postprocess?.(outputs, [{}, {}], model, { customAttributes: undefined })
    expect(predictions).toEqual([
      { churned: 'no', probabilities: { no: outputs[0], yes: outputs[1] } },
      { churned: 'yes', probabilities: { no: outputs[2], yes: outputs[3] } },
    ])
  })
})
