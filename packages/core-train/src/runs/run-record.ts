// run.json: what a run is (model, executor, git state, status, timing), written by the executor.
import { join } from 'node:path'
import { readJsonFile, writeJsonAtomic } from '@sagepack/core-data'
import { type GitState, gitState } from '@sagepack/core-data'

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

const RUN_RECORD_FILE = 'run.json'

export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await writeJsonAtomic(join(runDir, RUN_RECORD_FILE), record)
}

/** What an executor knows of a run as it starts; run.json adds the status, the time and the git state. */
export type RunStart = Pick<RunRecord, 'id' | 'model' | 'executor' | 'trainingJobName' | 'resumedFrom'>

/** Writes run.json for a run that starts now, the same way for every executor. */
export async function startRunRecord(
  runDir: string,
  workspaceRoot: string,
  { id, model, executor, ...more }: RunStart,
): Promise<RunRecord> {
  const record: RunRecord = {
    id,
    model,
    executor,
    status: 'running',
    startedAt: new Date().toISOString(),
    git: await gitState(workspaceRoot),
    ...more,
  }
  await writeRunRecord(runDir, record)
  return record
}

export interface RunEnd {
  status: FinalRunStatus
  exitCode: number
  /** The job's whole failure reason; run.json keeps its first line. */
  failureReason?: string
}

/** How a run ended, as both executors report it. */
export interface TrainingRunResult {
  runId: string
  runDir: string
  status: FinalRunStatus
  exitCode: number
  failureReason?: string
  durationSeconds: number
}

/** Marks a run finished in run.json, the same way for every executor. */
export async function finishRunRecord(
  runDir: string,
  record: RunRecord,
  { status, exitCode, failureReason }: RunEnd,
): Promise<TrainingRunResult> {
  const finished = new Date()
  const durationSeconds = (finished.getTime() - Date.parse(record.startedAt)) / 1000
  await writeRunRecord(runDir, {
    ...record,
    status,
    finishedAt: finished.toISOString(),
    durationSeconds,
    exitCode,
    ...(failureReason ? { failure: failureReason.split('\n')[0] } : {}),
  })
  return { runId: record.id, runDir, status, exitCode, durationSeconds, ...(failureReason ? { failureReason } : {}) }
}

export async function readRunRecord(runDir: string): Promise<RunRecord> {
  return (await readJsonFile(join(runDir, RUN_RECORD_FILE), {
    expected: 'the run.json that `sagepack train` writes in every run folder',
    fix: `move ${runDir} out of the runs folder if it is not a run, or train again`,
  })) as RunRecord
}
