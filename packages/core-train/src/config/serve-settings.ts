// The `serve` section a deployable model declares: how the runtime batches its requests. The runtime
// reads `serve.batching` from the bundle's config.json; SAGEPACK_MAX_BATCH_ROWS and
// SAGEPACK_MAX_BATCH_DELAY_MS override it on an endpoint without retraining. The bounds are the
// runtime's (core-serve's batching-settings.ts), repeated here so a bad value fails at `train`, not at
// start-up on SageMaker.
import type convict from 'convict'

export interface ServeSettings {
  serve: {
    batching: {
      /** The most rows one predict call takes, counted across requests; 1 turns batching off. */
      maxRows: number
      /** How long a batch waits for more requests after its first arrived, in ms; 0 never waits. */
      maxDelayMs: number
    }
  }
}

export type BatchingDefaults = Partial<ServeSettings['serve']['batching']>

const MAX_ROWS_LIMIT = 1_000_000
const MAX_DELAY_LIMIT_MS = 10_000

function maxRows(value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_ROWS_LIMIT) {
    throw new Error(`must be a whole number of rows from 1 (batching off) to ${MAX_ROWS_LIMIT}`)
  }
}

function maxDelayMs(value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_DELAY_LIMIT_MS) {
    throw new Error(`must be a whole number of milliseconds from 0 (never wait) to ${MAX_DELAY_LIMIT_MS}`)
  }
}

/** The `serve` section, with this model's defaults: 4096 rows per predict call, no wait. */
export function serveSettings(batching: BatchingDefaults = {}): convict.Schema<ServeSettings> {
  return {
    serve: {
      batching: {
        maxRows: {
          doc: 'The most rows one predict call takes, counted across the requests it packs (a request is never split to fill a call; one larger than this runs alone, in calls of this many rows); 1 turns batching off. Endpoint override: SAGEPACK_MAX_BATCH_ROWS',
          format: maxRows,
          default: batching.maxRows ?? 4096,
        },
        maxDelayMs: {
          doc: 'How long a batch waits for more requests after its first arrived (ms); 0 takes only what is already queued, so a lone request never waits. Endpoint override: SAGEPACK_MAX_BATCH_DELAY_MS',
          format: maxDelayMs,
          default: batching.maxDelayMs ?? 0,
        },
      },
    },
  }
}
