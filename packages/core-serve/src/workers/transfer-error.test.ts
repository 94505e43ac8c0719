import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { fromTransferredError, toTransferredError } from './transfer-error'

describe('a load error crossing from a worker thread', () => {
  it("keeps a bundled handler's UserError (its own copy of the class) a UserError with all its parts", () => {
    // What code/inference.mjs throws from `load`: a UserError of the copy esbuild bundled into it.
    const foreign = Object.assign(new Error('config.json: threshold is missing'), {
      name: 'UserError',
      input: 'config.json',
      problem: 'threshold is missing',
      expected: 'a number from 0 to 1',
      fix: 'add "threshold" to the model config',
    })
    const rebuilt = fromTransferredError(structuredClone(toTransferredError(foreign)))
    expect(rebuilt).toBeInstanceOf(UserError)
    expect(rebuilt).toMatchObject({
      input: 'config.json',
      problem: 'threshold is missing',
      expected: 'a number from 0 to 1',
      fix: 'add "threshold" to the model config',
    })
  })

  it('carries any other error as its message', () => {
    const rebuilt = fromTransferredError(structuredClone(toTransferredError(new TypeError('boom'))))
    expect(rebuilt).not.toBeInstanceOf(UserError)
    expect(rebuilt.message).toBe('boom')
  })
})
