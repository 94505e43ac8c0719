// Follows a SageMaker job (training or batch transform) to its end by polling its Describe call and
// printing each thing it reports once. SageMaker pushes nothing a CLI can wait on, and the SDK's own
// waiters poll silently until the end; a user watching a job wants its transitions as they happen.
import { setTimeout as delay } from 'node:timers/promises'

/** One thing a job reported, printed once by its key (a later poll repeats it). */
interface JobProgressLine {
  key: string
  text: string
}

export interface JobProgress {
  status: string
  /** Completed, Failed or Stopped: nothing will change any more. */
  done: boolean
  /** Everything the job has reported so far, oldest first. */
  lines: JobProgressLine[]
}

/** The statuses after which a training or transform job never changes again. */
export const FINAL_JOB_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Stopped'])

export interface WaitForJobOptions<R> {
  describe(): Promise<R>
  progress(response: R): JobProgress
  print(line: string): void
  /** Between polls; SageMaker's own waiters use 60 s for training jobs. Tests pass 0. */
  intervalMs: number
}

/** Polls until the job is done and returns its last Describe response. */
export async function waitForJob<R>(options: WaitForJobOptions<R>): Promise<R> {
  const printed = new Set<string>()
  for (;;) {
    const response = await options.describe()
    const progress = options.progress(response)
    for (const line of progress.lines) {
      if (printed.has(line.key)) continue
      printed.add(line.key)
      options.print(line.text)
    }
    if (progress.done) return response
    // 0 ms still yields to the event loop, so a test's zero interval never spins synchronously.
    await delay(options.intervalMs)
  }
}
