// The serving plan's choice of how weights are held reaches every worker's onnxruntime session.
import { afterAll, describe, expect, it } from 'vitest'
import { IRIS_ROWS, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { createInProcessRunner } from './in-process-runner'
import { invokeRows } from './test-fixtures/invoke-rows'
import { createWorkerPool, type WorkerPool } from './worker-pool'

const pools: WorkerPool[] = []
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()))
  await removeModelDirs()
})

describe('createWorkerPool with predictor options', () => {
  it('serves weights shared from model.onnx.data in two workers, answering as the inline model', async () => {
    const inline = await createInProcessRunner((await writeModelDir()).dir)
    const expected = await invokeRows(inline, [...IRIS_ROWS], { customAttributes: undefined })
    await inline.close()
    const { dir } = await writeModelDir({ externalData: true })
    const pool = await createWorkerPool({
      modelDir: dir,
      workers: 2,
      predictor: { weights: 'shared', intraOpThreads: 1 },
      log: () => {},
    })
    pools.push(pool)
    await pool.whenReady()
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => invokeRows(pool, [...IRIS_ROWS], { customAttributes: undefined })),
    )
    for (const answer of answers) expect(answer.predictions).toEqual(expected.predictions)
  }, 60_000)

  it("passes them to each worker's session: an invalid thread count fails the load there", async () => {
    const { dir } = await writeModelDir({ externalData: true })
    const pool = await createWorkerPool({
      modelDir: dir,
      workers: 1,
      predictor: { weights: 'shared', intraOpThreads: -1 },
      log: () => {},
    })
    pools.push(pool)
    await expect(pool.whenReady()).rejects.toThrow(/intraOpNumThreads/)
  }, 60_000)
})
