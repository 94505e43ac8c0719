import { describe, expect, it } from 'vitest'
import { maxBufferedBytesFrom } from './buffered-body-limit'
import { MB } from './payload-limit'

const GB = 1024 * MB

describe('maxBufferedBytesFrom', () => {
  it('defaults to a sixteenth of the memory, between 64 MB and 1 GB, and never below one payload', () => {
    expect(maxBufferedBytesFrom({}, 6 * MB, 8 * GB)).toBe(512 * MB)
    expect(maxBufferedBytesFrom({}, 6 * MB, 24 * GB)).toBe(1024 * MB)
    expect(maxBufferedBytesFrom({}, 6 * MB, 512 * MB)).toBe(64 * MB)
    expect(maxBufferedBytesFrom({}, 100 * MB, 512 * MB)).toBe(100 * MB)
    expect(maxBufferedBytesFrom({ SAGEPACK_MAX_BUFFERED_MB: ' ' }, 6 * MB, 8 * GB)).toBe(512 * MB)
  })

  it('takes SAGEPACK_MAX_BUFFERED_MB in megabytes', () => {
    expect(maxBufferedBytesFrom({ SAGEPACK_MAX_BUFFERED_MB: '64' }, 6 * MB, 8 * GB)).toBe(64 * MB)
  })

  it('refuses a value that is not a number, or below the payload limit, naming the variable', () => {
    expect(() => maxBufferedBytesFrom({ SAGEPACK_MAX_BUFFERED_MB: 'lots' }, 6 * MB)).toThrow(
      /^SAGEPACK_MAX_BUFFERED_MB=lots: is not a number of megabytes/,
    )
    expect(() => maxBufferedBytesFrom({ SAGEPACK_MAX_BUFFERED_MB: '4' }, 6 * MB)).toThrow(
      /^SAGEPACK_MAX_BUFFERED_MB=4: is below the payload limit of 6 MB/,
    )
  })
})
