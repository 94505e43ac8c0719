import { describe, expect, it } from 'vitest'
import { fromCheckpointJson, toCheckpointJson } from './checkpoint-json'

describe('checkpoint JSON', () => {
  it('keeps NaN and infinities that plain JSON turns into null', () => {
    const value = {
      best: Number.POSITIVE_INFINITY,
      low: Number.NEGATIVE_INFINITY,
      history: [{ loss: Number.NaN }],
      n: 0.1,
    }
    expect(fromCheckpointJson(toCheckpointJson(value))).toEqual(value)
  })
})
