// Wall and CPU seconds of the phases of building a bundle, so `sagepack bundle --timings` and the bundle
// benchmark show where the time went without a profiler: two clock reads per phase, nothing per byte.

export type BundlePhase = 'collect and hash' | 'compress' | 'write' | 'read back and verify' | 'sync'

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

/** Adds up the wall time of many short stretches (each write of a pipelined phase) into one timing. */
export function phaseTally(phase: BundlePhase, during: BundlePhase) {
  let nanoseconds = 0n
  return {
    async time<T>(work: () => Promise<T>): Promise<T> {
      const start = process.hrtime.bigint()
      try {
        return await work()
      } finally {
        nanoseconds += process.hrtime.bigint() - start
      }
    },
    report(listener: PhaseListener | undefined): void {
      listener?.({ phase, wallSeconds: Number(nanoseconds) / 1e9, during })
    },
  }
}
