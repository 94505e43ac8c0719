import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { WORKERS_ENV, workerCount } from './worker-count'

describe('workerCount', () => {
  it('takes the option, then SAGEMAKER_MODEL_SERVER_WORKERS, then one per CPU', () => {
    expect(workerCount(3, { [WORKERS_ENV]: '5' })).toBe(3)
    expect(workerCount(undefined, { [WORKERS_ENV]: ' 5 ' })).toBe(5)
    expect(workerCount(undefined, {})).toBe(availableParallelism())
    expect(workerCount(undefined, { [WORKERS_ENV]: '' })).toBe(availableParallelism())
  })

  it('names the variable or the option when the count is not one', () => {
    expect(() => workerCount(undefined, { [WORKERS_ENV]: 'four' })).toThrow(
      'SAGEMAKER_MODEL_SERVER_WORKERS=four: is not a number of worker threads',
    )
    expect(() => workerCount(undefined, { [WORKERS_ENV]: '0' })).toThrow(/SAGEMAKER_MODEL_SERVER_WORKERS=0/)
    expect(() => workerCount(0)).toThrow('workers=0: is not a number of worker threads')
    expect(() => workerCount(1.5)).toThrow(/workers=1.5/)
  })
})
