import { describe, expect, it } from 'vitest'
import { CallQueue, MAX_BATCH_CALLS } from './call-queue'
import type { PoolCall } from './pool-call'

const calls = (from: number, count: number): PoolCall[] =>
  Array.from({ length: count }, (_, i) => ({
    id: from + i,
    request: { body: '', contentType: 'application/json', accept: 'application/json' },
    resolve: () => {},
    reject: () => {},
  }))

const ids = (batch: PoolCall[] | undefined) => batch?.map((c) => c.id)

describe('CallQueue', () => {
  it('hands a free worker every waiting call as one batch, in order, up to the batch limit', () => {
    const queue = new CallQueue()
    expect(queue.nextBatch()).toBeUndefined()
    for (const c of calls(1, MAX_BATCH_CALLS + 2)) queue.push(c)
    expect(queue.size).toBe(MAX_BATCH_CALLS + 2)
    expect(ids(queue.nextBatch())).toEqual(ids(calls(1, MAX_BATCH_CALLS)))
    expect(ids(queue.nextBatch())).toEqual([MAX_BATCH_CALLS + 1, MAX_BATCH_CALLS + 2])
    expect(queue.size).toBe(0)
  })

  it('runs calls to run again first, each alone', () => {
    const queue = new CallQueue()
    for (const c of calls(1, 3)) queue.push(c)
    for (const c of calls(10, 2)) queue.pushRerun(c)
    expect([ids(queue.nextBatch()), ids(queue.nextBatch()), ids(queue.nextBatch())]).toEqual([
      [10],
      [11],
      [1, 2, 3],
    ])
  })

  it('hands back everything at once when the pool gives up', () => {
    const queue = new CallQueue()
    for (const c of calls(1, 2)) queue.push(c)
    queue.pushRerun(calls(5, 1)[0] as PoolCall)
    expect(ids(queue.takeAll())).toEqual([5, 1, 2])
    expect(queue.size).toBe(0)
  })
})
