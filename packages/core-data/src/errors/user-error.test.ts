import { describe, expect, it } from 'vitest'
import { isUserError, UserError } from './user-error'

/** What a bundled file (code/inference.mjs, the runtime image) carries: its own copy of the class. */
class ForeignUserError extends Error {
  readonly input = 'row 3'
  readonly problem = 'is not a number'
  constructor() {
    super('row 3: is not a number')
    this.name = 'UserError'
  }
}

describe('isUserError', () => {
  it('recognises UserErrors by class and copies of the class by name', () => {
    expect(isUserError(new UserError({ input: 'x', problem: 'y' }))).toBe(true)
    expect(isUserError(new ForeignUserError())).toBe(true)
  })

  it('refuses other errors, including one merely named UserError', () => {
    expect(isUserError(new Error('boom'))).toBe(false)
    expect(isUserError(Object.assign(new Error('boom'), { name: 'UserError' }))).toBe(false)
    expect(isUserError({ name: 'UserError', problem: 'y' })).toBe(false)
  })
})
