// Undoes what the benchmark set up (child processes, temp folders) exactly once, however it ends:
// normally, on an error, on Ctrl-C / SIGTERM, or on a plain process exit.

interface Cleanup {
  /** The careful way (SIGTERM and wait, async removal), used on a normal end and on the first signal. */
  graceful(): Promise<void>
  /** Synchronous last resort from the 'exit' event or a second signal (SIGKILL, rmSync). */
  immediate(): void
}

const pending = new Set<Cleanup>()
let installed = false

/** Registers a cleanup; the returned function forgets it once its owner has cleaned up itself. */
export function onCleanup(cleanup: Cleanup): () => void {
  installHandlers()
  pending.add(cleanup)
  return () => pending.delete(cleanup)
}

/** Runs every pending cleanup, newest first; failures are reported, not thrown, so the rest still run. */
export async function cleanUpAll(): Promise<void> {
  for (const cleanup of [...pending].reverse()) {
    pending.delete(cleanup)
    try {
      await cleanup.graceful()
    } catch (error) {
      process.stderr.write(`cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`)
      cleanup.immediate()
    }
  }
}

function immediateAll(): void {
  for (const cleanup of [...pending].reverse()) {
    pending.delete(cleanup)
    try {
      cleanup.immediate()
    } catch {
      // Exiting anyway: nothing better to do with it.
    }
  }
}

function installHandlers(): void {
  if (installed) return
  installed = true
  process.on('exit', immediateAll)
  let signalled = false
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143
    if (signalled) {
      // A second Ctrl-C: stop waiting; the 'exit' handler still kills and removes what is left.
      process.exit(code)
    }
    signalled = true
    process.stderr.write(`\n${signal}: stopping the servers and removing temp folders\n`)
    void cleanUpAll().finally(() => process.exit(code))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
