// The training side of the SageMaker contract: read <root>/input, resolve the config, call the
// model's train entry, and report failure the way SageMaker expects (output/failure + non-zero exit).
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError, writeFileAtomic, writeJsonAtomic } from '@sagepack/core-data'
import { resolveConfig } from '../config/resolve-config'
import { createTrainingLogger, type Logger } from '../logging/create-logger'
import { failureReason } from './failure-reason'
import { decodeHyperparameters } from './hyperparameters'
import { sagemakerEnvVars } from './sagemaker-env-vars'
import type { TrainEntry, TrainingContext } from './train-entry'
import { readTrainingEnvironment, type TrainingChannel } from './training-environment'
import { trainingLayout } from './training-layout'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
/** 128 + SIGTERM, what a process stopped by SIGTERM conventionally exits with. */
export const EXIT_STOPPED = 143

export interface RunTrainingJobOptions {
  root: string
  loadEntry: () => Promise<TrainEntry<unknown>>
  /** Aborts training as SIGTERM does; the runtime process wires SIGTERM to it. */
  signal?: AbortSignal
  /** Environment for config resolution; the SM_* variables are added to process.env as the toolkit does. */
  env?: Record<string, string | undefined>
  log?: Logger
}

export async function runTrainingJob(options: RunTrainingJobOptions): Promise<number> {
  const layout = trainingLayout(options.root)
  const log = options.log ?? createTrainingLogger()
  const signal = options.signal ?? new AbortController().signal
  try {
    await rm(layout.failureFile, { force: true })
    for (const dir of [layout.modelDir, layout.checkpointsDir, layout.outputDataDir]) {
      await mkdir(dir, { recursive: true })
    }
    const environment = await readTrainingEnvironment(layout)
    Object.assign(process.env, sagemakerEnvVars(environment))

    const entry = await options.loadEntry()
    const resolved = resolveConfig(entry.config, {
      env: options.env ?? process.env,
      hyperparameters: environment.hyperparameters,
    })
    await writeJsonAtomic(join(layout.outputDataDir, 'config.json'), resolved.values)

    const context: TrainingContext<unknown> = {
      model: entry.config.model,
      config: resolved.values,
      configSources: resolved.sources,
      layout,
      channels: environment.channels,
      channel: (name) => requireChannel(environment.channels, name),
      hyperparameters: decodeHyperparameters(environment.hyperparameters),
      resource: environment.resourceConfig,
      signal,
      log,
    }
    log.info(`training ${context.model} on ${environment.resourceConfig.current_host} (root ${layout.root})`)
    await entry.train(context)
    if (signal.aborted) {
      await writeFileAtomic(
        layout.failureFile,
        `Training was stopped by SIGTERM; the latest checkpoint is in ${layout.checkpointsDir}. Run the job again with the same checkpoints to resume.\n`,
      )
      log.warn('stopped by SIGTERM after saving a checkpoint')
      return EXIT_STOPPED
    }
    log.success('training finished')
    return EXIT_OK
  } catch (error) {
    const reason = failureReason(error)
    await mkdir(layout.outputDir, { recursive: true })
    await writeFileAtomic(layout.failureFile, reason)
    log.error(`training failed:\n${reason}`)
    return EXIT_FAILED
  }
}

function requireChannel(channels: Record<string, TrainingChannel>, name: string): TrainingChannel {
  const channel = channels[name]
  if (channel) return channel
  throw new UserError({
    input: `channel "${name}"`,
    problem: "is not among the job's input channels",
    expected: `one of: ${Object.keys(channels).join(', ') || '(no channels)'}`,
    fix: `add the "${name}" channel to the model's config under channels.${name}`,
  })
}
