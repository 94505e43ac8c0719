import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { forEachInOrder } from './ordered-work-window'

async function* numbers(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) yield i
}

describe('forEachInOrder', () => {
  it('hands results on in order with at most `window` items in flight', async () => {
    let running = 0
    let most = 0
    const seen: number[] = []
    await forEachInOrder(
      numbers(30),
      async (n) => {
        running++
        most = Math.max(most, running)
        await sleep((n * 7) % 5)
        running--
        return n * 10
      },
      async (result) => {
        seen.push(result)
      },
      4,
    )
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i * 10))
    expect(most).toBeLessThanOrEqual(4)
    expect(most).toBeGreaterThan(1)
  })

  it('stops at the first failure and closes the source', async () => {
    let closed = false
    async function* source(): AsyncGenerator<number> {
      try {
        yield* numbers(100)
      } finally {
        closed = true
      }
    }
    const work = async (n: number) => {
      if (n === 5) throw new Error('chunk 5 failed')
      return n
    }
    await expect(forEachInOrder(source(), work, async () => {}, 3)).rejects.toThrow('chunk 5 failed')
    expect(closed).toBe(true)
  })
})
