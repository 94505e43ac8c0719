import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { resolveDataCheckOptions } from './data-check-options'

describe('resolveDataCheckOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveDataCheckOptions()).toEqual({
      maxMissingFraction: 0.05,
      minClassFraction: 0.1,
      severities: {},
    })
  })

  it('names the config key of a bad threshold', () => {
    expect(() => resolveDataCheckOptions({ maxMissingFraction: 5 })).toThrow(UserError)
    expect(() => resolveDataCheckOptions({ maxMissingFraction: 5 })).toThrow(
      /checks\.maxMissingFraction: 5 is not a fraction/,
    )
    expect(() => resolveDataCheckOptions({ minClassFraction: -0.1 })).toThrow(/checks\.minClassFraction/)
  })

  it('rejects unknown checks and unknown severities', () => {
    expect(() => resolveDataCheckOptions({ severities: { duplicates: 'error' } as never })).toThrow(
      /checks\.severities\.duplicates: 'duplicates' is not a data check/,
    )
    expect(() => resolveDataCheckOptions({ severities: { duplicateRows: 'fatal' } as never })).toThrow(
      /checks\.severities\.duplicateRows: "fatal" is not a severity/,
    )
  })
})
