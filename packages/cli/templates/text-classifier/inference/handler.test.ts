import type { LoadedModel } from '@sagepack/core-serve'
import { describe, expect, it } from 'vitest'
import handler from './index'

const model = { classes: ['billing', 'technical', 'account'] } as unknown as LoadedModel

describe('the inference handler', () => {
  it('answers each message with the most probable queue and every queue probability', () => {
    const outputs = new Float32Array([0.1, 0.7, 0.2, 0.8, 0.15, 0.05])
    const predictions = handler.postprocess?.(outputs, [{}, {}], model, { customAttributes: undefined })
    expect(predictions).toEqual([
      {
        queue: 'technical',
        probabilities: { billing: outputs[0], technical: outputs[1], account: outputs[2] },
      },
      {
        queue: 'billing',
        probabilities: { billing: outputs[3], technical: outputs[4], account: outputs[5] },
      },
    ])
  })
})
