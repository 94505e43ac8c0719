// Stops a server the way SageMaker expects on SIGTERM: no new connections, in-flight requests finish,
// then the runner stops; a request that outlives the grace period is cut off.
import type { Server } from 'node:http'
import type { InvocationRunner } from '../handler/handler-api'

/** SageMaker sends SIGKILL 30 s after SIGTERM; 25 s leaves time to stop the workers and exit. */
export const DEFAULT_GRACE_MS = 25_000

/** Stopping the workers is quick; it gets this long even when the requests used up the grace period. */
const RUNNER_CLOSE_MIN_MS = 2_000

/**
 * From this call on, the server's responses must say `Connection: close` (the inference server's
 * writer does once close() was called), so the sockets of requests in flight end with their
 * response instead of idling until the keep-alive timeout. Resolves once the runner has closed.
 */
export async function closeGracefully(
  server: Server,
  runner: InvocationRunner,
  graceMs: number,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const deadline = Date.now() + graceMs
  if (server.listening) {
    const drained = new Promise<void>((resolve) => server.close(() => resolve()))
    // Node closes idle keep-alive sockets in close() since v19; busy ones end after their response.
    server.closeIdleConnections()
    const inTime = await settlesWithin(drained, graceMs)
    if (!inTime) {
      log?.(`requests still running after ${graceMs} ms; closing their connections`)
      server.closeAllConnections()
      await drained
    }
  }
  // runner.close() waits for the invocations it still runs; bounded too, so the process can still exit.
  const runnerClosed = await settlesWithin(
    runner.close(),
    Math.max(RUNNER_CLOSE_MIN_MS, deadline - Date.now()),
  )
  if (!runnerClosed) log?.('the runner did not close within the grace period')
}

/** Waits for `promise` (rethrowing its error) or for `ms`; true when the promise came first. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
