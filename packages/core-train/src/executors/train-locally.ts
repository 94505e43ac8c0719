// One local training run of a model folder, start to end: prepare the job (the same preparation the
// SageMaker executor starts from) and run its spec in the new run directory.
import type { TrainingRunResult } from '../runs/run-record'
import { runLocalTraining } from './local-executor'
import { type PrepareTrainingJobOptions, prepareTrainingJob } from './prepare-training-job'

export interface TrainLocallyOptions extends PrepareTrainingJobOptions {
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WritableStream & { isTTY?: boolean }
  /** Called once the run directory exists, before training starts. */
  onRunCreated?(run: { runId: string; runDir: string }): void
}

export async function trainLocally(options: TrainLocallyOptions): Promise<TrainingRunResult> {
  const job = await prepareTrainingJob(options)
  options.onRunCreated?.({ runId: job.runId, runDir: job.runDir })
  return runLocalTraining({
    workspaceRoot: options.workspaceRoot,
    model: job.folder.name,
    trainEntry: job.folder.trainEntry,
    spec: job.spec,
    runId: job.runId,
    runDir: job.runDir,
    ...(job.resumeFrom ? { resumeFrom: job.resumeFrom } : {}),
    ...(options.stdout ? { stdout: options.stdout } : {}),
    ...(options.stderr ? { stderr: options.stderr } : {}),
  })
}
