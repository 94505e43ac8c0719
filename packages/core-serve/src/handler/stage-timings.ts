// How long each stage of one invocation took where the model runs, in milliseconds: the server adds
// the time it waited for a worker and sends them all as Server-Timing.

export interface StageTimings {
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

export function noTimings(): StageTimings {
  return { decode: 0, validate: 0, preprocess: 0, predict: 0, postprocess: 0, encode: 0 }
}
