import { afterAll, describe, expect, it } from 'vitest'
import { InvocationError } from '../handler/invocation-error'
import { IRIS_ROWS, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { createInProcessRunner } from './in-process-runner'
import { invokeRows } from './test-fixtures/invoke-rows'
import { POOL_HANDLER } from './test-fixtures/pool-handler'

afterAll(removeModelDirs)

describe('createInProcessRunner', () => {
  it('is ready once created, answers on this thread, and drains on close', async () => {
    const { dir } = await writeModelDir({ handler: POOL_HANDLER })
    const runner = await createInProcessRunner(dir)
    expect(runner.ready).toBe(true)
    expect(runner.bundle.entryPath).toMatch(/inference\.mjs$/)
    const running = invokeRows(runner, [...IRIS_ROWS], { customAttributes: 'sleep:100' })
    const closed = runner.close()
    expect(runner.ready).toBe(false)
    await expect(invokeRows(runner, [...IRIS_ROWS], { customAttributes: undefined })).rejects.toThrow(
      InvocationError,
    )
    const result = await running
    expect(result.predictions).toHaveLength(3)
    expect(result.responseAttributes).toBe('thread=0')
    await closed
  })
})
