// What the runs list and compare show of one run: its run.json, metrics.json and config.json, each
// read when present, so a failed, running or half-copied run is still shown with what it has.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { type RunRecord, readRunRecord } from '@sagepack/core-train/workspace'
import type { RunFolder } from './model-run-folders'

export interface RunSummary extends RunFolder {
  /** null when run.json is missing or unreadable; `recordProblem` says which. */
  record: RunRecord | null
  recordProblem?: string
  /** The parsed metrics.json (its shape is the train entry's), null when there is none. */
  metrics: unknown
  /** The parsed config.json, null when there is none. */
  config: unknown
}

const METRICS_FILE = 'metrics.json'
export const CONFIG_FILE = 'config.json'

export async function readRunSummary(folder: RunFolder): Promise<RunSummary> {
  const [recordRead, metrics, config] = await Promise.all([
    readRecord(folder.dir),
    readOptionalJson(join(folder.dir, METRICS_FILE)),
    // A run still in progress (or whose process died) keeps its config in output/data/ until the
    // executor collects it at the end.
    readOptionalJson(join(folder.dir, CONFIG_FILE)).then(
      (found) => found ?? readOptionalJson(join(folder.dir, 'output', 'data', CONFIG_FILE)),
    ),
  ])
  return { ...folder, ...recordRead, metrics, config }
}

/** The shown status: run.json's, or why there is none. */
export function statusOf(summary: RunSummary): string {
  return summary.record?.status ?? summary.recordProblem ?? 'unknown'
}

async function readRecord(dir: string): Promise<{ record: RunRecord | null; recordProblem?: string }> {
  if (!existsSync(join(dir, 'run.json'))) return { record: null, recordProblem: 'no run.json' }
  try {
    return { record: await readRunRecord(dir) }
  } catch (error) {
    if (isUserError(error)) return { record: null, recordProblem: 'unreadable run.json' }
    throw error
  }
}

/** null when missing, and when broken too: one bad file must not stop the list of every run. */
async function readOptionalJson(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
