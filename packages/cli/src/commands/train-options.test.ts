import { describe, expect, it } from 'vitest'
import { parseExecutorFlags } from './train-options'

describe('parseExecutorFlags', () => {
  it('takes local (the default) and sagemaker with its defaults', () => {
    expect(parseExecutorFlags({ on: 'local' })).toEqual({ executor: 'local' })
    expect(parseExecutorFlags({ on: 'sagemaker' })).toEqual({
      executor: 'sagemaker',
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      spot: false,
    })
    expect(
      parseExecutorFlags({
        on: 'sagemaker',
        instanceType: 'ml.g5.xlarge',
        instanceCount: '2',
        spot: true,
        maxRuntime: '7200',
      }),
    ).toEqual({
      executor: 'sagemaker',
      instanceType: 'ml.g5.xlarge',
      instanceCount: 2,
      spot: true,
      maxRuntimeSeconds: 7200,
    })
  })

  it('refuses anything else, naming the flag and what it takes', () => {
    expect(() => parseExecutorFlags({ on: 'gcp' })).toThrow(
      /--on gcp: is not a place sagepack can train[\s\S]*local or sagemaker/,
    )
    expect(() => parseExecutorFlags({ on: 'local', spot: true, instanceType: 'ml.g5.xlarge' })).toThrow(
      '--instance-type, --spot: only apply to a SageMaker training job',
    )
    expect(() => parseExecutorFlags({ on: 'sagemaker', instanceCount: '0' })).toThrow(
      '--instance-count 0: is not a positive whole number',
    )
    expect(() => parseExecutorFlags({ on: 'sagemaker', maxRuntime: '1h' })).toThrow(
      '--max-runtime 1h: is not a positive',
    )
    expect(() => parseExecutorFlags({ on: 'sagemaker', instanceType: 'g5.xlarge' })).toThrow(
      '--instance-type g5.xlarge: is not a SageMaker instance type',
    )
    expect(() => parseExecutorFlags({ on: 'sagemaker', resume: 'r1' })).toThrow('--resume r1')
  })
})
