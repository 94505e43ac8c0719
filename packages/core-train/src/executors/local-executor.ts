// Runs a training job spec on this machine: lays it out like /opt/ml under the run directory, starts
// the same `train` process the runtime image starts, tees its output into the run's logs.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { cp, mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { writeJsonAtomic } from '@sagepack/core-data'
import { EXIT_OK, EXIT_STOPPED } from '../contract/run-training-job'
import type { TrainingJobSpec } from '../contract/training-job-spec'
import { trainingLayout } from '../contract/training-layout'
import { collectOutputs } from '../runs/collect-outputs'
import { finishRunRecord, startRunRecord, type TrainingRunResult } from '../runs/run-record'
import { materializeJob } from './materialize-job'
import { teeOutput } from './tee-output'

export interface LocalTrainingOptions {
  workspaceRoot: string
  model: string
  trainEntry: string
  spec: TrainingJobSpec
  runId: string
  runDir: string
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WritableStream & { isTTY?: boolean }
  /** Extra environment for the training process (tests use it to pick a backend, for example). */
  env?: Record<string, string>
  /** Checkpoints of an earlier run to start from, as SageMaker restores CheckpointConfig.S3Uri. */
  resumeFrom?: { runId: string; checkpointsDir: string }
}

const TRAIN_PROCESS = fileURLToPath(new URL('../contract/train-process.ts', import.meta.url))

export async function runLocalTraining(options: LocalTrainingOptions): Promise<TrainingRunResult> {
  const layout = trainingLayout(options.runDir)
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  const record = await startRunRecord(options.runDir, options.workspaceRoot, {
    id: options.runId,
    model: options.model,
    executor: 'local',
    trainingJobName: options.spec.TrainingJobName,
    ...(options.resumeFrom ? { resumedFrom: options.resumeFrom.runId } : {}),
  })
  await writeJsonAtomic(join(options.runDir, 'job.json'), options.spec)
  await materializeJob(options.spec, layout)
  if (options.resumeFrom)
    await cp(options.resumeFrom.checkpointsDir, layout.checkpointsDir, { recursive: true })

  const logsDir = join(options.runDir, 'logs')
  await mkdir(logsDir, { recursive: true })
  const log = createWriteStream(join(logsDir, 'train.log'))
  const exitCode = await new Promise<number>((resolvePromise, reject) => {
    // The training code is TypeScript source here; tsx's loader runs it as the bundled runtime would.
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    const child = spawn(process.execPath, ['--import', tsxLoader, TRAIN_PROCESS], {
      cwd: options.workspaceRoot,
      env: {
        ...process.env,
        ...options.env,
        SAGEMAKER_BASE_DIR: options.runDir,
        SAGEPACK_TRAIN_ENTRY: options.trainEntry,
      },
      // A terminal gets the child's stderr directly so progress bars redraw in place.
      stdio: ['ignore', 'pipe', stderr.isTTY ? 'inherit' : 'pipe'],
    })
    if (child.stdout) teeOutput(child.stdout, [stdout, log])
    if (child.stderr) teeOutput(child.stderr, [stderr, log])
    // Stopping the CLI stops the job the way SageMaker stops one: SIGTERM, then wait for its checkpoint.
    const stop = () => child.kill('SIGTERM')
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
      resolvePromise(code ?? (signal === 'SIGTERM' ? EXIT_STOPPED : 1))
    })
  })
  await new Promise<void>((done) => log.end(done))

  const failureReason = await readFile(layout.failureFile, 'utf8').catch(() => undefined)
  await collectOutputs(layout, options.runDir)
  const status = exitCode === EXIT_OK ? 'completed' : exitCode === EXIT_STOPPED ? 'stopped' : 'failed'
  return finishRunRecord(options.runDir, record, {
    status,
    exitCode,
    ...(failureReason ? { failureReason } : {}),
  })
}
