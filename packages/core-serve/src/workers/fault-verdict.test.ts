import { describe, expect, it } from 'vitest'
import { faultVerdict } from './fault-verdict'
import type { PoolCall } from './pool-call'

const call = (id: number): PoolCall => ({
  id,
  request: { body: '', contentType: 'application/json', accept: 'application/json' },
  resolve: () => {},
  reject: () => {},
  waitedMs: 0,
})

describe('faultVerdict', () => {
  it('blames a call that was alone on its thread, whatever the thread said last', () => {
    const alone = call(7)
    expect(faultVerdict([alone], 0)).toEqual({ atFault: alone, rerun: [] })
    expect(faultVerdict([alone], 3)).toEqual({ atFault: alone, rerun: [] })
  })

  it('blames the call the thread was working on, and runs the rest of the batch again', () => {
    const [a, b, c] = [call(1), call(2), call(3)]
    expect(faultVerdict([a, b, c], 2)).toEqual({ atFault: b, rerun: [a, c] })
  })

  it('blames nobody when the batch shared its predict call, and runs every call again', () => {
    const [a, b] = [call(1), call(2)]
    expect(faultVerdict([a, b], 0)).toEqual({ atFault: undefined, rerun: [a, b] })
    // A number left over from an earlier batch names no call of this one.
    expect(faultVerdict([a, b], 9)).toEqual({ atFault: undefined, rerun: [a, b] })
  })
})
