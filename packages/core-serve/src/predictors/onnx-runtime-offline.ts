// Keeps onnxruntime from phoning home and from writing to the user's temp folder. Since 1.29 its
// Linux and macOS builds start a telemetry client (Microsoft's 1DS SDK) with the first session, which
// writes an empty mat-debug-<pid>.log and a .ses file into $TMPDIR, never removed, and uploads a
// ProcessInfo event. ORT_DISABLE_TELEMETRY=1 turns all of it off, but only when set before the first
// session and in the process's real environment: a worker thread's process.env is its own copy, which
// native code never reads, so this must run on the main thread before any worker starts.
import { isMainThread } from 'node:worker_threads'

const ORT_TELEMETRY_ENV = 'ORT_DISABLE_TELEMETRY'

/** Sets ORT_DISABLE_TELEMETRY=1 unless the operator chose a value; a no-op off the main thread. */
export function keepOnnxRuntimeOffline(env: NodeJS.ProcessEnv = process.env): void {
  if (!isMainThread) return
  env[ORT_TELEMETRY_ENV] ??= '1'
}
