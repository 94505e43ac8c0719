// run.json: what a run is (model, executor, git state, status, timing), written by the executor.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeJsonAtomic } from '@sagepack/core-data'
import type { GitState } from './git-state'

export type RunStatus = 'running' | 'completed' | 'failed' | 'stopped'

export interface RunRecord {
  id: string
  model: string
  executor: 'local' | 'sagemaker'
  status: RunStatus
  startedAt: string
  finishedAt?: string
  durationSeconds?: number
  exitCode?: number
  /** First line of output/failure, when the run failed. */
  failure?: string
  git: GitState
  trainingJobName?: string
  /** The run whose checkpoints this one started from. */
  resumedFrom?: string
}

export const RUN_RECORD_FILE = 'run.json'

export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await writeJsonAtomic(join(runDir, RUN_RECORD_FILE), record)
}

export async function readRunRecord(runDir: string): Promise<RunRecord> {
  return JSON.parse(await readFile(join(runDir, RUN_RECORD_FILE), 'utf8')) as RunRecord
}
