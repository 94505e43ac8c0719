import { afterEach, describe, expect, it, vi } from 'vitest'
import { delay, FakeRunner, type StartedServer, startServer } from './fake-runner'
import { installShutdownHandlers, SAME_REQUEST_WITHIN_MS } from './shutdown-signals'

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
    const close = vi.fn(() => new Promise<void>(() => {}))
    const lines: string[] = []
    uninstall = installShutdownHandlers(
      { close },
      { signals: [SIGNAL, 'SIGWINCH'], exit, log: (line) => lines.push(line) },
    )
    process.emit(SIGNAL, SIGNAL)
    expect(exit).not.toHaveBeenCalled()
    await delay(SAME_REQUEST_WITHIN_MS + 50)
    process.emit(SIGNAL, SIGNAL)
    expect(exit).toHaveBeenCalledWith(1)
    expect(close).toHaveBeenCalledTimes(1)
    expect(lines).toEqual([
      `${SIGNAL}: finishing in-flight requests, then exiting`,
      `${SIGNAL} again: exiting without waiting for requests`,
    ])
  })

  it('takes signals that arrive together (Ctrl-C to the group, and the CLI forwarding it) as one', async () => {
    const exit = vi.fn()
    const close = vi.fn(() => new Promise<void>(() => {}))
    uninstall = installShutdownHandlers({ close }, { signals: [SIGNAL, 'SIGWINCH'], exit })
    process.emit(SIGNAL, SIGNAL)
    await delay(20)
    process.emit('SIGWINCH', 'SIGWINCH')
    process.emit(SIGNAL, SIGNAL)
    expect(exit).not.toHaveBeenCalled()
    expect(close).toHaveBeenCalledTimes(1)
  })
})
