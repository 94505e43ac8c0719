// The serve benchmark's knobs, read from the environment with defaults that finish in a few minutes.
import { defaultWorkerCount } from '@sagepack/core-serve'

export interface BenchSettings {
  /** Seconds of measured load per target, case and repeat (BENCH_DURATION_S). */
  durationS: number
  /** Seconds of unmeasured load before each measurement (BENCH_WARMUP_S). */
  warmupS: number
  /** Measurements per target and case, interleaved sagepack/floor; medians are reported (BENCH_REPEATS). */
  repeats: number
  /** Worker threads of the sagepack runtime (BENCH_WORKERS; default: one per CPU but one, as `pnpm serve` for a small model). */
  workers: number
  /** Seconds of timed calls per compute-floor case (BENCH_COMPUTE_S). */
  computeS: number
}

export function readBenchSettings(env: Record<string, string | undefined> = process.env): BenchSettings {
  return {
    durationS: numberFrom(env, 'BENCH_DURATION_S', 8, 1),
    warmupS: numberFrom(env, 'BENCH_WARMUP_S', 2, 0),
    repeats: wholeFrom(env, 'BENCH_REPEATS', 2),
    // The runtime's own default unless asked: the benchmark measures what users get.
    workers: wholeFrom(env, 'BENCH_WORKERS', defaultWorkerCount()),
    computeS: numberFrom(env, 'BENCH_COMPUTE_S', 2, 0.1),
  }
}

function numberFrom(env: Record<string, string | undefined>, name: string, fallback: number, min: number) {
  const text = env[name]?.trim()
  if (!text) return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name}=${text} is not a number of seconds of at least ${min}; unset it for ${fallback}`)
  }
  return value
}

function wholeFrom(env: Record<string, string | undefined>, name: string, fallback: number) {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (!/^[1-9][0-9]{0,3}$/.test(text)) {
    throw new Error(`${name}=${text} is not a whole number from 1 to 9999; unset it for ${fallback}`)
  }
  return Number(text)
}
