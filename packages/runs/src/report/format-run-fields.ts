// How one run's fields read in the runs table and in compare: dates in UTC to the minute, short
// commits, durations in s / m / h, metrics to four decimals.
import type { RunRecord } from '@sagepack/core-train/workspace'
import type { RunSummary } from '../catalog/read-run-summary'
import { trainingBackend } from './headline-metrics'

/** Shown for a value a run does not have. */
const MISSING = '-'

/** What tells runs apart at a glance, as the runs table's columns and compare's rows show it. */
export interface RunFacts {
  started: string
  commit: string
  dirty: string
  backend: string
  time: string
}

export function runFacts(run: RunSummary): RunFacts {
  const { record } = run
  return {
    started: formatStarted(record?.startedAt),
    commit: formatCommit(record?.git),
    dirty: formatDirty(record?.git),
    backend: trainingBackend(run.metrics) ?? MISSING,
    time: formatDuration(record?.durationSeconds),
  }
}

/** `2026-11-23 16:45` (UTC, as in run ids). */
export function formatStarted(startedAt: string | undefined): string {
  if (!startedAt) return MISSING
  const date = new Date(startedAt)
  if (Number.isNaN(date.getTime())) return MISSING
  return date.toISOString().slice(0, 16).replace('T', ' ')
}

/** The first 7 hex digits of the commit, as git shows it. */
export function formatCommit(git: RunRecord['git'] | undefined): string {
  return git?.commit ? git.commit.slice(0, 7) : MISSING
}

export function formatDirty(git: RunRecord['git'] | undefined): string {
  if (!git?.commit) return MISSING
  return git.dirty ? 'yes' : 'no'
}

/** `2.4 s`, `3m 05s`, `2h 10m`. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return MISSING
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const whole = Math.round(seconds)
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`
}

/** Four decimals, so a column of metrics lines up; very large or small values in exponent form. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined) return MISSING
  if (!Number.isFinite(value)) return String(value)
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) return value.toExponential(3)
  return value.toFixed(4)
}

/** b - a with its sign (`+0.0103`, `-0.0333`), `same` when equal. */
export function formatDelta(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return MISSING
  if (a === b) return 'same'
  const delta = b - a
  const text = formatMetric(Math.abs(delta))
  return `${delta > 0 ? '+' : '-'}${text}`
}
