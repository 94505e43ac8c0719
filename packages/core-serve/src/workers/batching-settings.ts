// The batcher's two knobs (see request-batcher.ts): the most rows one predict call takes, and how long
// a batch may wait for more requests. Each comes from the model's config (`serve.batching` in the
// bundle's config.json, declared with `serveSettings()` in the model's config.ts) unless the
// environment overrides it, which is how an endpoint is tuned without retraining.
import { UserError } from '@sagepack/core-data'

const MAX_BATCH_ROWS_ENV = 'SAGEPACK_MAX_BATCH_ROWS'
const MAX_BATCH_DELAY_ENV = 'SAGEPACK_MAX_BATCH_DELAY_MS'

/**
 * Rows, not requests: what a predict call costs in memory and time grows with its rows, and one
 * Batch Transform request can carry thousands. 4096 rows is what the runtime packed at most before it
 * counted rows (64 requests of 64 rows); below it, small models lose throughput to the per-call cost
 * (iris, 64 rows at 32 connections, here: 1024 rows served 15-18% fewer requests than no limit). An
 * MLP of 2560 units holds 40 MB of activations at 4096 rows.
 */
const DEFAULT_MAX_BATCH_ROWS = 4096
/** 0: a batch takes what is already queued and never waits, so a lone request is answered at once. */
const DEFAULT_MAX_BATCH_DELAY_MS = 0
/** The bounds, shared with the config schema (core-train's serveSettings repeats them). */
const MAX_BATCH_ROWS_LIMIT = 1_000_000
const MAX_BATCH_DELAY_LIMIT_MS = 10_000

type BatchingSource = 'default' | 'config.json' | 'env'

export interface BatchingSettings {
  /** The most rows one predict call takes (1 turns batching off). */
  maxRows: number
  /** How long a batch waits for more requests after its first arrived, in ms (0: never waits). */
  maxDelayMs: number
  /** Where each value came from, for the start-up line. */
  sources: { maxRows: BatchingSource; maxDelayMs: BatchingSource }
}

/** What the environment sets, read and checked before any thread starts. */
export interface BatchingOverrides {
  maxRows?: number
  maxDelayMs?: number
}

export function batchingOverridesFrom(env: Record<string, string | undefined>): BatchingOverrides {
  const overrides: BatchingOverrides = {}
  const rows = env[MAX_BATCH_ROWS_ENV]?.trim()
  if (rows) {
    overrides.maxRows = parseMaxRows(rows, `${MAX_BATCH_ROWS_ENV}=${rows}`, envFix(MAX_BATCH_ROWS_ENV))
  }
  const delay = env[MAX_BATCH_DELAY_ENV]?.trim()
  if (delay) {
    overrides.maxDelayMs = parseMaxDelay(
      delay,
      `${MAX_BATCH_DELAY_ENV}=${delay}`,
      envFix(MAX_BATCH_DELAY_ENV),
    )
  }
  return overrides
}

/** The settings in force: the overrides, else the bundle's config.json, else the defaults. */
export function resolveBatching(config: unknown, overrides: BatchingOverrides): BatchingSettings {
  const declared = declaredBatching(config)
  const pick = (
    key: 'maxRows' | 'maxDelayMs',
    parse: (text: string, input: string, fix: string) => number,
    fallback: number,
  ): [number, BatchingSource] => {
    const override = overrides[key]
    if (override !== undefined) return [override, 'env']
    const value = declared?.[key]
    if (value === undefined) return [fallback, 'default']
    // config.json was checked when the model's config was resolved; a hand-edited one is checked here.
    const input = `config.json serve.batching.${key}=${JSON.stringify(value)}`
    return [parse(String(value), input, configFix(key)), 'config.json']
  }
  const [maxRows, rowsSource] = pick('maxRows', parseMaxRows, DEFAULT_MAX_BATCH_ROWS)
  const [maxDelayMs, delaySource] = pick('maxDelayMs', parseMaxDelay, DEFAULT_MAX_BATCH_DELAY_MS)
  return { maxRows, maxDelayMs, sources: { maxRows: rowsSource, maxDelayMs: delaySource } }
}

/** The start-up line: both values, and where each came from, so a setting is never silently ignored. */
export function describeBatching(settings: BatchingSettings): string {
  const from = (source: BatchingSource, env: string, key: string) =>
    source === 'env'
      ? env
      : source === 'config.json'
        ? `serve.batching.${key} in config.json`
        : `default; ${env}`
  const rows =
    settings.maxRows === 1
      ? 'off (1 row per predict call; '
      : `up to ${settings.maxRows} rows per predict call (`
  const delay =
    settings.maxDelayMs === 0
      ? 'taking only requests already queued'
      : `waiting up to ${settings.maxDelayMs} ms for more requests`
  return (
    `batching: ${rows}${from(settings.sources.maxRows, MAX_BATCH_ROWS_ENV, 'maxRows')}), ` +
    `${delay} (${from(settings.sources.maxDelayMs, MAX_BATCH_DELAY_ENV, 'maxDelayMs')})`
  )
}

function parseMaxRows(text: string, input: string, fix: string): number {
  if (/^[1-9][0-9]{0,6}$/.test(text) && Number(text) <= MAX_BATCH_ROWS_LIMIT) return Number(text)
  throw new UserError({
    input,
    problem: 'is not a number of rows',
    expected: `a whole number of rows from 1 (batching off) to ${MAX_BATCH_ROWS_LIMIT}`,
    fix,
  })
}

function parseMaxDelay(text: string, input: string, fix: string): number {
  if (/^(0|[1-9][0-9]{0,4})$/.test(text) && Number(text) <= MAX_BATCH_DELAY_LIMIT_MS) return Number(text)
  throw new UserError({
    input,
    problem: 'is not a number of milliseconds',
    expected: `a whole number of milliseconds from 0 (never wait) to ${MAX_BATCH_DELAY_LIMIT_MS}`,
    fix,
  })
}

function envFix(name: string): string {
  return name === MAX_BATCH_ROWS_ENV
    ? `set ${name} to the most rows one predict call may take (e.g. 256; 1 turns batching off), or unset it for the model's config`
    : `set ${name} to how long a batch may wait for more requests (e.g. 2), or unset it for the model's config`
}

function configFix(key: string): string {
  return `set serve.batching.${key} in the model's config.ts (see serveSettings) and bundle again, or override it with ${
    key === 'maxRows' ? MAX_BATCH_ROWS_ENV : MAX_BATCH_DELAY_ENV
  }`
}

function declaredBatching(config: unknown): Record<string, unknown> | undefined {
  const serve = (config as { serve?: unknown } | null)?.serve
  const batching = (serve as { batching?: unknown } | null | undefined)?.batching
  return typeof batching === 'object' && batching !== null ? (batching as Record<string, unknown>) : undefined
}
