import { afterEach, describe, expect, it, vi } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'
import { installShutdownHandlers } from './shutdown-signals'

// Tests emit SIGUSR2 with process.emit: it runs only the listeners, and SIGTERM/SIGINT belong to vitest.
const SIGNAL = 'SIGUSR2'

let started: StartedServer | undefined
let uninstall: (() => void) | undefined
afterEach(async () => {
  uninstall?.()
  uninstall = undefined
  await started?.handle.close(0)
  started = undefined
})

function exited(): { exit: (code: number) => void; code: Promise<number> } {
  let exit: (code: number) => void = () => {}
  const code = new Promise<number>((resolve) => {
    exit = resolve
  })
  return { exit, code }
}

describe('installShutdownHandlers', () => {
  it('listens for SIGTERM and SIGINT by default, and removes its listeners', () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]
    const remove = installShutdownHandlers({ close: async () => {} })
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(
      before.map((n) => n + 1),
    )
    remove()
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before)
  })

  it('on the signal, lets the request in flight finish, closes the runner, then exits 0', async () => {
    const runner = new FakeRunner()
    runner.answer = async (rows) => {
      await delay(200)
      return { predictions: rows.map(() => 7) }
    }
    started = await startServer(runner)
    const { exit, code } = exited()
    uninstall = installShutdownHandlers(started.handle, { signals: [SIGNAL], graceMs: 5_000, exit })
    const inFlight = fetch(`${started.url}/invocations`, {
      method: 'POST',
      body: '[[1]]',
      headers: { 'content-type': 'application/json' },
    })
    while (runner.invocations.length === 0) await delay(5)

    process.emit(SIGNAL, SIGNAL)
    expect(await (await inFlight).json()).toEqual({ predictions: [7] })
    expect(await code).toBe(0)
    expect(runner.closeCalls).toBe(1)
  })

  it('exits 1 when closing fails, and at once on a second signal', async () => {
    const failing = exited()
    uninstall = installShutdownHandlers(
      { close: async () => Promise.reject(new Error('stuck')) },
      {
        signals: [SIGNAL],
        exit: failing.exit,
      },
    )
    process.emit(SIGNAL, SIGNAL)
    expect(await failing.code).toBe(1)
    uninstall()

    const exit = vi.fn()
    uninstall = installShutdownHandlers({ close: () => new Promise(() => {}) }, { signals: [SIGNAL], exit })
    process.emit(SIGNAL, SIGNAL)
    expect(exit).not.toHaveBeenCalled()
    process.emit(SIGNAL, SIGNAL)
    expect(exit).toHaveBeenCalledWith(1)
  })
})
