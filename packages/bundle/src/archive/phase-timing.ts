// Wall and CPU seconds of the phases of building a bundle, so `sagepack bundle --timings` and the bundle
// benchmark show where the time went without a profiler: two clock reads per phase, nothing per byte.

export type BundlePhase = 'collect and hash' | 'compress' | 'tar' | 'write' | 'read back and verify' | 'sync'

export interface PhaseTiming {
  phase: BundlePhase
  wallSeconds: number
  /** CPU seconds of the whole process, every thread, during the phase; absent for a phase that overlaps one. */
  cpuSeconds?: number
  /** The phase this one ran alongside (its time is part of that one's wall time, not added to it). */
  during?: BundlePhase
}

export type PhaseListener = (timing: PhaseTiming) => void

/** Starts timing a phase; the function returned ends it and hands the timing to `listener`. */
export function startPhase(phase: BundlePhase, listener: PhaseListener | undefined): () => void {
  if (!listener) return () => {}
  const wallStart = process.hrtime.bigint()
  const cpuStart = process.cpuUsage()
  return () => {
    const cpu = process.cpuUsage(cpuStart)
    listener({
      phase,
      wallSeconds: Number(process.hrtime.bigint() - wallStart) / 1e9,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    })
  }
}

/**
 * Adds up the wall time of many short stretches (each write of a pipelined phase, each wait for the next
 * chunk of the tar stream) into one timing.
 */
export function phaseTally(phase: BundlePhase, during: BundlePhase) {
  let nanoseconds = 0n
  async function time<T>(work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint()
    try {
      return await work()
    } finally {
      nanoseconds += process.hrtime.bigint() - start
    }
  }
  return {
    time,
    /** The items of `items`, timing each wait for the next one. */
    async *each<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
      const iterator = items[Symbol.asyncIterator]()
      try {
        for (;;) {
          const next = await time(() => iterator.next())
          if (next.done) return
          yield next.value
        }
      } finally {
        // Stopped early (a failed chunk): the source closes the file it was reading.
        await iterator.return?.()
      }
    },
    report(listener: PhaseListener | undefined): void {
      listener?.({ phase, wallSeconds: Number(nanoseconds) / 1e9, during })
    },
  }
}
