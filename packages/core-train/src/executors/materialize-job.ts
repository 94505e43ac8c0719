// Lays a training job spec out under a root exactly as SageMaker does under /opt/ml: the three
// config files and one folder per channel with its data.
import { cp, mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError, writeJsonAtomic } from '@sagepack/core-data'
import { type ChannelInputConfig, type ResourceConfig, SINGLE_HOST } from '../contract/training-environment'
import type { TrainingJobSpec } from '../contract/training-job-spec'
import { channelDir, type TrainingLayout } from '../contract/training-layout'
import { localChannelData } from './channel-sources'

export async function materializeJob(spec: TrainingJobSpec, layout: TrainingLayout): Promise<void> {
  await mkdir(layout.inputConfigDir, { recursive: true })
  await writeJsonAtomic(layout.hyperparametersFile, spec.HyperParameters ?? {})
  await writeJsonAtomic(layout.inputDataConfigFile, inputDataConfig(spec))
  await writeJsonAtomic(layout.resourceConfigFile, resourceConfig(spec))
  for (const channel of spec.InputDataConfig ?? []) {
    const name = channel.ChannelName ?? ''
    const uri = channel.DataSource?.S3DataSource?.S3Uri ?? ''
    await copyChannel(name, uri, channelDir(layout, name))
  }
}

function inputDataConfig(spec: TrainingJobSpec): Record<string, ChannelInputConfig> {
  return Object.fromEntries(
    (spec.InputDataConfig ?? []).map((channel) => [
      channel.ChannelName ?? '',
      {
        ...(channel.ContentType ? { ContentType: channel.ContentType } : {}),
        TrainingInputMode: channel.InputMode ?? spec.AlgorithmSpecification?.TrainingInputMode ?? 'File',
        S3DistributionType: channel.DataSource?.S3DataSource?.S3DataDistributionType ?? 'FullyReplicated',
        RecordWrapperType: channel.RecordWrapperType ?? 'None',
      },
    ]),
  )
}

function resourceConfig(spec: TrainingJobSpec): ResourceConfig {
  const instanceType = spec.ResourceConfig?.InstanceType ?? 'local'
  return {
    ...SINGLE_HOST,
    current_instance_type: instanceType,
  }
}

async function copyChannel(name: string, uri: string, target: string): Promise<void> {
  if (!uri.startsWith('file://')) {
    throw new UserError({
      input: `channel "${name}" (${uri})`,
      problem: 'the local executor reads only file:// data',
      expected: 'a local file or folder',
      fix: 'train with --on sagemaker for s3:// data, or point the channel at a local copy',
    })
  }
  const source = await localChannelData(name, uri)
  await mkdir(target, { recursive: true })
  // A copy, not a link: a run is a record and must not change when the source data does.
  await cp(source.path, source.isDirectory ? target : join(target, basename(source.path)), {
    recursive: true,
  })
}
