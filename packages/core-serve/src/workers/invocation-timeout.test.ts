import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { invocationTimeoutMs, TIMEOUT_ENV, TIMEOUT_SECONDS_ENV } from './invocation-timeout'

describe('invocationTimeoutMs', () => {
  it("reads SageMaker's model-server timeout in seconds, the newer variable first, else 60 s", () => {
    expect(invocationTimeoutMs({})).toBe(60_000)
    expect(invocationTimeoutMs({ [TIMEOUT_ENV]: ' 300 ' })).toBe(300_000)
    expect(invocationTimeoutMs({ [TIMEOUT_ENV]: '300', [TIMEOUT_SECONDS_ENV]: '90' })).toBe(90_000)
    expect(invocationTimeoutMs({ [TIMEOUT_SECONDS_ENV]: '', [TIMEOUT_ENV]: '5' })).toBe(5_000)
  })

  it('names the variable, the expected form and the fix when the value is not whole seconds', () => {
    for (const value of ['0', '1.5', 'soon', '-3']) {
      let thrown: unknown
      try {
        invocationTimeoutMs({ [TIMEOUT_ENV]: value })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(UserError)
      expect((thrown as UserError).message).toContain(`${TIMEOUT_ENV}=${value}: is not a number of seconds`)
      expect((thrown as UserError).message).toMatch(/or unset it for 60 s/)
    }
  })
})
