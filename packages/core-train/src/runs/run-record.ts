// run.json: what a run is (model, executor, git state, status, timing), written by the executor.
import { join } from 'node:path'
import { readJsonFile, writeJsonAtomic } from '@sagepack/core-data'
import type { GitState } from './git-state'

export type RunStatus = 'running' | FinalRunStatus
export type FinalRunStatus = 'completed' | 'failed' | 'stopped'

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
  /** A SageMaker run's job, as CreateTrainingJob answered. */
  trainingJobArn?: string
  /** The run whose checkpoints this one started from. */
  resumedFrom?: string
}

export const RUN_RECORD_FILE = 'run.json'

export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await writeJsonAtomic(join(runDir, RUN_RECORD_FILE), record)
}

export interface RunEnd {
  started: Date
  status: FinalRunStatus
  exitCode: number
  /** The job's whole failure reason; run.json keeps its first line. */
  failureReason?: string
}

/** Marks a run finished in run.json, the same way for every executor; returns its duration in seconds. */
export async function finishRunRecord(runDir: string, record: RunRecord, end: RunEnd): Promise<number> {
  const finished = new Date()
  const durationSeconds = (finished.getTime() - end.started.getTime()) / 1000
  await writeRunRecord(runDir, {
    ...record,
    status: end.status,
    finishedAt: finished.toISOString(),
    durationSeconds,
    exitCode: end.exitCode,
    ...(end.failureReason ? { failure: end.failureReason.split('\n')[0] } : {}),
  })
  return durationSeconds
}

export async function readRunRecord(runDir: string): Promise<RunRecord> {
  return (await readJsonFile(join(runDir, RUN_RECORD_FILE), {
    expected: 'the run.json that `sagepack train` writes in every run folder',
    fix: `move ${runDir} out of the runs folder if it is not a run, or train again`,
  })) as RunRecord
}
