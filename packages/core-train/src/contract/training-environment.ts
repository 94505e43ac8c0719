// Reads what SageMaker writes under <root>/input/config before it starts `train`, into typed values.
import { readFile } from 'node:fs/promises'
import { UserError } from '@sagepack/core-data'
import { channelDir, type TrainingLayout } from './training-layout'

/** One entry of inputdataconfig.json, as SageMaker writes it. */
export interface ChannelInputConfig {
  ContentType?: string
  TrainingInputMode?: string
  S3DistributionType?: string
  RecordWrapperType?: string
}

/** resourceconfig.json, as SageMaker writes it. */
export interface ResourceConfig {
  current_host: string
  hosts: string[]
  current_instance_type?: string
  current_group_name?: string
  network_interface_name?: string
}

export interface TrainingChannel {
  name: string
  dir: string
  contentType: string | undefined
}

export interface TrainingEnvironment {
  layout: TrainingLayout
  /** As written by SageMaker: every value a string. */
  hyperparameters: Record<string, string>
  inputDataConfig: Record<string, ChannelInputConfig>
  resourceConfig: ResourceConfig
  channels: Record<string, TrainingChannel>
}

export const SINGLE_HOST: ResourceConfig = {
  current_host: 'algo-1',
  hosts: ['algo-1'],
  current_group_name: 'homogeneousCluster',
  network_interface_name: 'eth0',
}

export async function readTrainingEnvironment(layout: TrainingLayout): Promise<TrainingEnvironment> {
  const hyperparameters = (await readJsonObject(layout.hyperparametersFile)) ?? {}
  for (const [key, value] of Object.entries(hyperparameters)) {
    if (typeof value !== 'string') {
      throw new UserError({
        input: `${layout.hyperparametersFile}: "${key}"`,
        problem: `value is a ${typeof value}, not a string`,
        expected: 'every hyperparameter value a string, as SageMaker writes them (e.g. "0.01", "[16,8]")',
        fix: 'JSON-encode the value into a string',
      })
    }
  }
  const inputDataConfig = ((await readJsonObject(layout.inputDataConfigFile)) ?? {}) as Record<
    string,
    ChannelInputConfig
  >
  const resourceConfig = ((await readJsonObject(layout.resourceConfigFile)) ?? SINGLE_HOST) as ResourceConfig
  const channels = Object.fromEntries(
    Object.entries(inputDataConfig).map(([name, spec]) => [
      name,
      { name, dir: channelDir(layout, name), contentType: spec.ContentType },
    ]),
  )
  return {
    layout,
    hyperparameters: hyperparameters as Record<string, string>,
    inputDataConfig,
    resourceConfig,
    channels,
  }
}

async function readJsonObject(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UserError({
      input: path,
      problem: `not valid JSON (${(error as Error).message})`,
      expected: 'a JSON object, as SageMaker writes it',
    })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError({ input: path, problem: 'is not a JSON object', expected: 'a JSON object' })
  }
  return value as Record<string, unknown>
}
