import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultWorkerCount, WORKERS_ENV, workerCount } from './worker-count'

describe('workerCount', () => {
  it('takes the option, then SAGEMAKER_MODEL_SERVER_WORKERS, then one per CPU but one', () => {
    expect(workerCount(3, { [WORKERS_ENV]: '5' })).toBe(3)
    expect(workerCount(undefined, { [WORKERS_ENV]: ' 5 ' })).toBe(5)
    expect(workerCount(undefined, {})).toBe(Math.max(1, availableParallelism() - 1))
    expect(workerCount(undefined, { [WORKERS_ENV]: '' })).toBe(defaultWorkerCount())
  })

  it('leaves one CPU to the HTTP thread, and never starts fewer than one worker', () => {
    expect(defaultWorkerCount(16)).toBe(15)
    expect(defaultWorkerCount(2)).toBe(1)
    expect(defaultWorkerCount(1)).toBe(1)
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
