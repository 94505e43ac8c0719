// What a model's train/index.ts exports: its config definition and a train function that receives a
// typed context built from the SageMaker training layout.
import { UserError } from '@sagepack/core-data'
import type { ModelConfigDefinition } from '../config/define-model-config'
import type { ConfigSource } from '../config/resolve-config'
import type { Logger } from '../logging/create-logger'
import type { ResourceConfig, TrainingChannel } from './training-environment'
import type { TrainingLayout } from './training-layout'

export interface TrainingContext<C> {
  model: string
  /** The resolved config: defaults < config.json < env < --set < hyperparameters. */
  config: C
  configSources: Record<string, ConfigSource>
  layout: TrainingLayout
  channels: Record<string, TrainingChannel>
  /** A channel by name, or an error naming the channels that exist. */
  channel(name: string): TrainingChannel
  /** Decoded hyperparameters, as the SageMaker toolkit decodes them. */
  hyperparameters: Record<string, unknown>
  resource: ResourceConfig
  /** Aborted on SIGTERM: save a checkpoint and return. */
  signal: AbortSignal
  log: Logger
}

export interface TrainEntry<C> {
  config: ModelConfigDefinition<C>
  /** Names of the metrics the entry prints as `name=value` lines; they become MetricDefinitions. */
  metrics?: readonly string[]
  train(context: TrainingContext<C>): Promise<void>
}

export function defineTrainEntry<C>(entry: TrainEntry<C>): TrainEntry<C> {
  return entry
}

/** A module loaded from a model's train entry path: its default export must be a TrainEntry. */
export function asTrainEntry(module: unknown, path: string): TrainEntry<unknown> {
  const candidate = (module as { default?: unknown }).default
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof (candidate as TrainEntry<unknown>).train !== 'function' ||
    typeof (candidate as TrainEntry<unknown>).config !== 'object'
  ) {
    throw new UserError({
      input: path,
      problem: 'its default export is not a train entry',
      expected:
        "`export default defineTrainEntry({ config, train })` (or supervisedTrainEntry) from '@sagepack/core-train'",
      fix: 'export the train entry as the default export of train/index.ts',
    })
  }
  return candidate as TrainEntry<unknown>
}
