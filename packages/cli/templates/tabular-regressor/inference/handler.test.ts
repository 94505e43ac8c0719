import type { LoadedModel } from '@sagepack/core-serve'
import { describe, expect, it } from 'vitest'
import handler from './index'

const model = { classes: null } as unknown as LoadedModel

describe('the inference handler', () => {
  it('answers each row with its predicted minutes, to a tenth of a minute', () => {
    const outputs = new Float32Array([12.345, 47.96])
    const predictions = handler.postprocess?.(outputs, [{}, {}], model, { customAttributes: undefined })
    expect(predictions).toEqual([{ minutes: 12.3 }, { minutes: 48 }])
  })
})
