// The Server-Timing header of an /invocations answer (W3C Server Timing; browsers show it in their
// network panel, the try-it page in its debug panel): the time the body took to arrive, the time the
// request waited (for a worker, and for its batch), the hops between threads, each stage's time where
// the model ran, and the total on this thread.
import { type StageTimings, WORK_STAGES, workedMs } from '../handler/stage-timings'

export const SERVER_TIMING_HEADER = 'server-timing'

export interface ServerSideTimes {
  /** From the request's arrival to its whole body read. */
  readMs: number
  /** How long the runner took to answer, seen from this thread. */
  roundTripMs: number
}

/**
 * `queue` is the wait the runner measured; what neither the wait nor the stages account for of the
 * round trip is `hop`: the messages between the threads, both ways. Worker threads keep their own
 * clocks, so only durations cross, never timestamps. Without stage timings (a runner that does not
 * report them, a failed request) the header gives the total alone.
 */
export function serverTimingHeader(totalMs: number, times?: ServerSideTimes, timings?: StageTimings): string {
  const total = `total;dur=${ms(totalMs)}`
  if (timings === undefined || times === undefined) return total
  let stages = ''
  for (const stage of WORK_STAGES) stages += `, ${stage};dur=${ms(timings[stage])}`
  const hop = Math.max(0, times.roundTripMs - workedMs(timings) - timings.queue)
  return `read;dur=${ms(times.readMs)}, queue;dur=${ms(timings.queue)}, hop;dur=${ms(hop)}${stages}, ${total}`
}

/** Microseconds are the resolution that matters for a model answering in a fraction of a millisecond. */
function ms(value: number): string {
  return value.toFixed(3)
}
