// The Server-Timing header of an /invocations answer (W3C Server Timing; browsers show it in their
// network panel, the try-it page in its debug panel): each stage's time where the model ran, the time
// the request waited for a worker, and the total on this thread.
import type { StageTimings } from '../handler/stage-timings'

export const SERVER_TIMING_HEADER = 'server-timing'

const STAGES = ['decode', 'validate', 'preprocess', 'predict', 'postprocess', 'encode'] as const

/**
 * `roundTripMs` is how long the runner took to answer, seen from this thread; what the stages do not
 * account for of it is queue wait (a busy worker, the hops between threads). Worker threads keep their
 * own clocks, so only durations cross, never timestamps. Without stage timings (a runner that does not
 * report them, a failed request) the header gives the total alone.
 */
export function serverTimingHeader(totalMs: number, roundTripMs?: number, timings?: StageTimings): string {
  const total = `total;dur=${ms(totalMs)}`
  if (timings === undefined || roundTripMs === undefined) return total
  let worked = 0
  let stages = ''
  for (const stage of STAGES) {
    worked += timings[stage]
    stages += `, ${stage};dur=${ms(timings[stage])}`
  }
  return `queue;dur=${ms(Math.max(0, roundTripMs - worked))}${stages}, ${total}`
}

/** Microseconds are the resolution that matters for a model answering in a fraction of a millisecond. */
function ms(value: number): string {
  return value.toFixed(3)
}
