// What both executors share before a training run starts: find the model, load its train entry and
// resolve its config (bad input fails before a run directory exists), turn its channels into job
// inputs, create the run directory and build the job spec. The local executor runs that spec as it
// is; the SageMaker executor rebuilds it from the same input with S3 locations, image and role.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '@sagepack/core-data'
import { resolveConfig } from '../config/resolve-config'
import { asTrainEntry, type TrainEntry } from '../contract/train-entry'
import {
  buildTrainingJobSpec,
  type TrainingJobSpec,
  type TrainingJobSpecInput,
} from '../contract/training-job-spec'
import { CHECKPOINT_POINTER } from '../fit/checkpoint-store'
import { metricDefinitions } from '../fit/metric-line-format'
import { createRunDirectory, defaultRunsRoot } from '../runs/run-directory'
import { locateModel, type ModelFolder } from '../workspace/locate-model'
import { channelSources, localChannelData } from './channel-sources'

export interface PrepareTrainingJobOptions {
  workspaceRoot: string
  model: string
  /** `key=value` overrides, as given to `--set`. */
  sets?: readonly string[]
  /** Default: runs/ at the workspace root. */
  runsRoot?: string
  env?: Record<string, string | undefined>
  /** Id of an earlier run of the model whose latest checkpoint this run continues from. */
  resumeFrom?: string
}

export interface PreparedTrainingJob {
  folder: ModelFolder
  runId: string
  runDir: string
  /** What the spec is built from; an executor that runs elsewhere swaps only the fields that say where. */
  specInput: TrainingJobSpecInput<unknown>
  /** The spec as this machine runs it: file:// channels and output, the local image, role and instance. */
  spec: TrainingJobSpec
  resumeFrom?: { runId: string; checkpointsDir: string }
}

/** The where-fields of a job run on this machine (a run directory stands in for /opt/ml). */
const LOCAL_PLACEMENT = {
  image: 'sagepack/runtime:local',
  roleArn: 'local',
  instanceType: 'local',
} as const

export async function loadTrainEntry(folder: ModelFolder): Promise<TrainEntry<unknown>> {
  return asTrainEntry(await import(pathToFileURL(folder.trainEntry).href), folder.trainEntry)
}

export async function prepareTrainingJob(options: PrepareTrainingJobOptions): Promise<PreparedTrainingJob> {
  const folder = locateModel(options.workspaceRoot, options.model)
  const entry = await loadTrainEntry(folder)
  const resolved = resolveConfig(entry.config, {
    configFile: folder.configFile,
    env: options.env ?? process.env,
    sets: options.sets ?? [],
  })
  const channels = channelSources(resolved.values, folder.dir)
  // A missing local file is bad input too: refused here, not by an executor after the run began.
  for (const [name, source] of Object.entries(channels)) {
    if (source.uri.startsWith('file://')) await localChannelData(name, source.uri)
  }

  const runsRoot = options.runsRoot ?? defaultRunsRoot(options.workspaceRoot)
  const resumeFrom = options.resumeFrom
    ? requireCheckpoints(runsRoot, folder.name, options.resumeFrom)
    : undefined
  const { runId, dir: runDir } = await createRunDirectory(runsRoot, folder.name)
  const specInput: TrainingJobSpecInput<unknown> = {
    definition: entry.config,
    config: resolved.values,
    runId,
    channels,
    outputUri: pathToFileURL(runDir).href,
    ...LOCAL_PLACEMENT,
    metricDefinitions: metricDefinitions([...(entry.metrics ?? [])]),
  }
  return {
    folder,
    runId,
    runDir,
    specInput,
    spec: buildTrainingJobSpec(specInput),
    ...(resumeFrom ? { resumeFrom } : {}),
  }
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
