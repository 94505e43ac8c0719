// How long each stage of one invocation took where the model runs, in milliseconds, and how long the
// invocation waited there besides: the server adds the time it spent crossing between threads and
// sends them all as Server-Timing.

export interface StageTimings {
  /**
   * Waiting, not working on this request: in the pool for a free worker, in the worker's queue behind
   * earlier batches, in the batch window (SAGEPACK_MAX_BATCH_DELAY_MS), while the other requests of its
   * batch were prepared, and after the shared predict call until the whole batch was answered.
   */
  queue: number
  /** Request text to rows. */
  decode: number
  /** Rows checked against the request schema. */
  validate: number
  preprocess: number
  predict: number
  postprocess: number
  /** Predictions to response text. */
  encode: number
}

/** The stages that are work on the request, in the order they run. */
export const WORK_STAGES = ['decode', 'validate', 'preprocess', 'predict', 'postprocess', 'encode'] as const

export function noTimings(): StageTimings {
  return { queue: 0, decode: 0, validate: 0, preprocess: 0, predict: 0, postprocess: 0, encode: 0 }
}

/** The time spent working on the request: every stage but the queue. */
export function workedMs(timings: StageTimings): number {
  return (
    timings.decode +
    timings.validate +
    timings.preprocess +
    timings.predict +
    timings.postprocess +
    timings.encode
  )
}
