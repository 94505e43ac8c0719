// Stops a server the way SageMaker expects on SIGTERM: no new connections, every request that reached
// the server is answered, then the runner stops; a request that outlives the grace period is cut off.
//
// Keep-alive connections are where requests get lost: a connection that looks idle may carry a request
// already on its way, and closing it resets that request (the client cannot know whether it ran).
// So idle connections are not closed at once (as http.Server.close() would): each keeps serving, every
// response now says `Connection: close` (the inference server's writer does once close() was called),
// so a client's next request goes to a new connection, which is refused before anything is sent. Only
// connections that stay idle through a quiet spell are closed, when no request is on its way.
import type { Server, ServerResponse } from 'node:http'
import { Server as NetServer } from 'node:net'
import type { InvocationRunner } from '../handler/handler-api'

/** SageMaker sends SIGKILL 30 s after SIGTERM; 25 s leaves time to stop the workers and exit. */
export const DEFAULT_GRACE_MS = 25_000

/** Stopping the workers is quick; it gets this long even when the requests used up the grace period. */
const RUNNER_CLOSE_MIN_MS = 2_000

/** How long no request may arrive or run before the connections still open are taken to be idle. */
export const QUIET_BEFORE_CLOSING_IDLE_MS = 500

/** How often the drain checks whether it has been quiet that long. */
const QUIET_CHECK_MS = 50

/** Resolves once the runner has closed. */
export async function closeGracefully(
  server: Server,
  runner: InvocationRunner,
  graceMs: number,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const deadline = Date.now() + graceMs
  if (server.listening) {
    // net.Server's close stops accepting and waits for the connections to end; http.Server's own
    // close() would also close the idle ones at once, resetting any request on its way to them.
    const drained = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()))
    const idleCloser = closeIdleWhenQuiet(server)
    const inTime = await settlesWithin(drained, graceMs)
    idleCloser.stop()
    if (!inTime) {
      log?.(`requests still running after ${graceMs} ms; closing their connections`)
      server.closeAllConnections()
      await drained
    }
    // http.Server's close() also stops its timeout checks; the listener itself is closed already.
    server.close(() => {})
  }
  // runner.close() waits for the invocations it still runs; bounded too, so the process can still exit.
  const runnerClosed = await settlesWithin(
    runner.close(),
    Math.max(RUNNER_CLOSE_MIN_MS, deadline - Date.now()),
  )
  if (!runnerClosed) log?.('the runner did not close within the grace period')
}

/**
 * Closes the connections that are idle once no request has arrived or run for a quiet spell. Requests
 * already running when the drain began end with `Connection: close`, so their connections close
 * themselves; only requests that arrive during the drain are counted here.
 */
function closeIdleWhenQuiet(server: Server): { stop(): void } {
  let running = 0
  let lastActive = performance.now()
  const onRequest = (_req: unknown, res: ServerResponse) => {
    running++
    res.once('close', () => {
      running--
      lastActive = performance.now()
    })
  }
  server.on('request', onRequest)
  const timer = setInterval(() => {
    if (running === 0 && performance.now() - lastActive >= QUIET_BEFORE_CLOSING_IDLE_MS) {
      server.closeIdleConnections()
    }
  }, QUIET_CHECK_MS)
  return {
    stop() {
      clearInterval(timer)
      server.off('request', onRequest)
    },
  }
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
