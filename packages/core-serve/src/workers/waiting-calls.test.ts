import { describe, expect, it } from 'vitest'
import type { PoolCall } from './pool-call'
import { WaitingCalls } from './waiting-calls'

const calls = (from: number, count: number): PoolCall[] =>
  Array.from({ length: count }, (_, i) => ({
    id: from + i,
    request: { body: '', contentType: 'application/json', accept: 'application/json' },
    resolve: () => {},
    reject: () => {},
    waitedMs: 0,
  }))

const drain = (queue: WaitingCalls) => {
  const ids: number[] = []
  for (let call = queue.next(); call; call = queue.next()) ids.push(call.id)
  return ids
}

describe('WaitingCalls', () => {
  it('hands calls back in order, those a dead worker never started first', () => {
    const queue = new WaitingCalls()
    for (const call of calls(5, 2)) queue.push(call)
    queue.requeue(calls(1, 3))
    expect(queue.size).toBe(5)
    expect(drain(queue)).toEqual([1, 2, 3, 5, 6])
  })

  it('keeps calls to run again apart, and says when one waits', () => {
    const queue = new WaitingCalls()
    queue.push(calls(1, 1)[0] as PoolCall)
    expect(queue.rerunWaiting).toBe(false)
    for (const call of calls(10, 2)) queue.pushRerun(call)
    expect(queue.rerunWaiting).toBe(true)
    expect([queue.nextRerun()?.id, queue.nextRerun()?.id, queue.nextRerun()]).toEqual([10, 11, undefined])
    expect(queue.rerunWaiting).toBe(false)
    expect(drain(queue)).toEqual([1])
  })

  it('hands back everything at once when the pool gives up', () => {
    const queue = new WaitingCalls()
    for (const call of calls(1, 2)) queue.push(call)
    queue.pushRerun(calls(5, 1)[0] as PoolCall)
    expect(queue.takeAll().map((call) => call.id)).toEqual([5, 1, 2])
    expect(queue.size).toBe(0)
  })
})
