import { describe, expect, it } from 'vitest'
import { bindPort } from './bind-port'

describe('bindPort', () => {
  it('takes SAGEMAKER_BIND_TO_PORT, else 8080', () => {
    expect(bindPort({})).toBe(8080)
    expect(bindPort({ SAGEMAKER_BIND_TO_PORT: ' 9000 ' })).toBe(9000)
    expect(bindPort({ SAGEMAKER_BIND_TO_PORT: '0' })).toBe(0)
  })

  it('names the variable, the expected range and the fix for a value that is not a port', () => {
    for (const value of ['abc', '65536', '-1', '80.5']) {
      expect(() => bindPort({ SAGEMAKER_BIND_TO_PORT: value })).toThrow(
        `SAGEMAKER_BIND_TO_PORT=${value}: is not a port number\n  expected: a whole number from 0 to 65535`,
      )
    }
  })
})
