// One local training run of a model folder, start to end: resolve its config (bad input fails before
// a run directory exists), build the job spec, and execute it in a new run directory.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '@sagepack/core-data'
import { resolveConfig } from '../config/resolve-config'
import { asTrainEntry, type TrainEntry } from '../contract/train-entry'
import { buildTrainingJobSpec } from '../contract/training-job-spec'
import { CHECKPOINT_POINTER } from '../fit/checkpoint-store'
import { metricDefinitions } from '../fit/metric-line-format'
import { createRunDirectory, defaultRunsRoot } from '../runs/run-directory'
import { locateModel, type ModelFolder } from '../workspace/locate-model'
import { channelSources } from './channel-sources'
import { runLocalTraining, type TrainingRunResult } from './local-executor'

export interface TrainLocallyOptions {
  workspaceRoot: string
  model: string
  /** `key=value` overrides, as given to `--set`. */
  sets?: readonly string[]
  /** Default: runs/ at the workspace root. */
  runsRoot?: string
  env?: Record<string, string | undefined>
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WritableStream & { isTTY?: boolean }
  /** Id of an earlier run of the model whose latest checkpoint this run continues from. */
  resumeFrom?: string
  /** Called once the run directory exists, before training starts. */
  onRunCreated?(run: { runId: string; runDir: string }): void
}

export async function loadTrainEntry(folder: ModelFolder): Promise<TrainEntry<unknown>> {
  return asTrainEntry(await import(pathToFileURL(folder.trainEntry).href), folder.trainEntry)
}

export async function trainLocally(options: TrainLocallyOptions): Promise<TrainingRunResult> {
  const folder = locateModel(options.workspaceRoot, options.model)
  const entry = await loadTrainEntry(folder)
  const resolved = resolveConfig(entry.config, {
    configFile: folder.configFile,
    env: options.env ?? process.env,
    sets: options.sets ?? [],
  })
  const channels = channelSources(resolved.values, folder.dir)

  const runsRoot = options.runsRoot ?? defaultRunsRoot(options.workspaceRoot)
  const resumeFrom = options.resumeFrom
    ? requireCheckpoints(runsRoot, folder.name, options.resumeFrom)
    : undefined
  const { runId, dir: runDir } = await createRunDirectory(runsRoot, folder.name)
  const spec = buildTrainingJobSpec({
    definition: entry.config,
    config: resolved.values,
    runId,
    channels,
    outputUri: pathToFileURL(runDir).href,
    image: 'sagepack/runtime:local',
    roleArn: 'local',
    instanceType: 'local',
    metricDefinitions: metricDefinitions([...(entry.metrics ?? [])]),
  })
  options.onRunCreated?.({ runId, runDir })
  return runLocalTraining({
    workspaceRoot: options.workspaceRoot,
    model: folder.name,
    trainEntry: folder.trainEntry,
    spec,
    runId,
    runDir,
    ...(resumeFrom ? { resumeFrom } : {}),
    ...(options.stdout ? { stdout: options.stdout } : {}),
    ...(options.stderr ? { stderr: options.stderr } : {}),
  })
}

function requireCheckpoints(runsRoot: string, model: string, runId: string) {
  const checkpointsDir = join(runsRoot, model, runId, 'checkpoints')
  if (!existsSync(join(checkpointsDir, CHECKPOINT_POINTER))) {
    throw new UserError({
      input: `--resume ${runId}`,
      problem: existsSync(join(runsRoot, model, runId))
        ? `run ${runId} of ${model} has no checkpoint to resume from`
        : `there is no run ${runId} of ${model} in ${runsRoot}`,
      expected: 'the id of a stopped or failed run that saved a checkpoint (see runs/<model>/)',
      fix: 'leave --resume out to start from scratch',
    })
  }
  return { runId, checkpointsDir }
}
