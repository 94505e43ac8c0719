// Closes the server gracefully on SIGTERM/SIGINT and exits, as SageMaker's stop and Ctrl-C expect.
import type { InferenceServer } from './inference-server'

/**
 * Signals this close together are one request to stop: Ctrl-C in a terminal sends SIGINT to the whole
 * process group, so under `pnpm serve` the runtime gets the terminal's SIGINT and the SIGTERM that the
 * CLI forwards within a few milliseconds of each other. Only a signal after this pause means "now".
 */
export const SAME_REQUEST_WITHIN_MS = 1_000

export interface ShutdownOptions {
  signals?: readonly NodeJS.Signals[]
  graceMs?: number
  log?: (line: string) => void
  /** Default: process.exit. */
  exit?: (code: number) => void
}

/**
 * The first signal closes the server (in-flight requests finish) and exits 0, or 1 if closing failed;
 * signals within SAME_REQUEST_WITHIN_MS of it are the same request; a signal after that exits at once,
 * for a person pressing Ctrl-C again. Returns a function that removes the handlers.
 */
export function installShutdownHandlers(
  handle: Pick<InferenceServer, 'close'>,
  options: ShutdownOptions = {},
): () => void {
  const { signals = ['SIGTERM', 'SIGINT'], graceMs, log } = options
  const exit = options.exit ?? ((code: number) => process.exit(code))
  let stoppingSince: number | undefined

  function onSignal(signal: NodeJS.Signals): void {
    if (stoppingSince !== undefined) {
      if (performance.now() - stoppingSince < SAME_REQUEST_WITHIN_MS) return
      log?.(`${signal} again: exiting without waiting for requests`)
      exit(1)
      return
    }
    stoppingSince = performance.now()
    log?.(`${signal}: finishing in-flight requests, then exiting`)
    handle.close(graceMs).then(
      () => exit(0),
      (error: unknown) => {
        log?.(`closing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        exit(1)
      },
    )
  }

  for (const signal of signals) process.on(signal, onSignal)
  return () => {
    for (const signal of signals) process.off(signal, onSignal)
  }
}
