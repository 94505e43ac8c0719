// The one job spec both executors run: a CreateTrainingJob request. The local executor lays it out
// under a run directory; the SageMaker executor sends it as is (after uploading file:// inputs).
import type { CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker'
import { UserError } from '@sagepack/core-data'
import { configKeys } from '../config/config-schema'
import type { ModelConfigDefinition } from '../config/define-model-config'
import { readPath } from '../config/describe-config'
import { sageMakerName } from '../sagemaker/sagemaker-name'
import { encodeHyperparameter } from './hyperparameters'

export type TrainingJobSpec = CreateTrainingJobRequest

export interface ChannelSource {
  /** `file://...` for local data, `s3://...` for data already in S3. */
  uri: string
  contentType?: string
}

export interface TrainingJobSpecInput<C> {
  definition: ModelConfigDefinition<C>
  config: C
  runId: string
  channels: Record<string, ChannelSource>
  /** Where the job's model and output archives go (`file://` locally, `s3://` remotely). */
  outputUri: string
  checkpointUri?: string
  image: string
  roleArn: string
  instanceType: string
  instanceCount?: number
  volumeSizeGb?: number
  maxRuntimeSeconds?: number
  /** Managed spot training; SageMaker needs MaxWaitTimeInSeconds >= MaxRuntimeInSeconds. */
  spot?: { maxWaitSeconds: number }
  metricDefinitions: Array<{ Name: string; Regex: string }>
}

/** MaxRuntimeInSeconds when a job does not set one. */
export const DEFAULT_MAX_RUNTIME_SECONDS = 24 * 3600

/** SageMaker's limits on hyperparameters (CreateTrainingJob API reference). */
const MAX_HYPERPARAMETERS = 100
const MAX_KEY_LENGTH = 256
const MAX_VALUE_LENGTH = 2500

export function buildTrainingJobSpec<C>(input: TrainingJobSpecInput<C>): TrainingJobSpec {
  const maxRuntime = input.maxRuntimeSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS
  const spec: TrainingJobSpec = {
    TrainingJobName: trainingJobName(input.definition.model, input.runId),
    RoleArn: input.roleArn,
    AlgorithmSpecification: {
      TrainingImage: input.image,
      TrainingInputMode: 'File',
      MetricDefinitions: input.metricDefinitions,
    },
    HyperParameters: configToHyperparameters(input.definition, input.config),
    InputDataConfig: Object.entries(input.channels).map(([name, source]) => ({
      ChannelName: name,
      ...(source.contentType ? { ContentType: source.contentType } : {}),
      InputMode: 'File',
      DataSource: {
        S3DataSource: {
          S3DataType: 'S3Prefix',
          S3Uri: source.uri,
          S3DataDistributionType: 'FullyReplicated',
        },
      },
    })),
    OutputDataConfig: { S3OutputPath: input.outputUri },
    ResourceConfig: {
      InstanceType: input.instanceType as NonNullable<TrainingJobSpec['ResourceConfig']>['InstanceType'],
      InstanceCount: input.instanceCount ?? 1,
      VolumeSizeInGB: input.volumeSizeGb ?? 30,
    },
    StoppingCondition: {
      MaxRuntimeInSeconds: maxRuntime,
      ...(input.spot ? { MaxWaitTimeInSeconds: Math.max(input.spot.maxWaitSeconds, maxRuntime) } : {}),
    },
    EnableManagedSpotTraining: Boolean(input.spot),
    Tags: [
      { Key: 'sagepack:model', Value: input.definition.model },
      { Key: 'sagepack:run', Value: input.runId },
    ],
  }
  if (input.checkpointUri) {
    spec.CheckpointConfig = { S3Uri: input.checkpointUri, LocalPath: '/opt/ml/checkpoints' }
  }
  return spec
}

/** The whole resolved config as hyperparameters, so the job does not depend on where it runs. */
export function configToHyperparameters<C>(
  definition: ModelConfigDefinition<C>,
  config: C,
): Record<string, string> {
  const hyperparameters: Record<string, string> = { sagepack_model: encodeHyperparameter(definition.model) }
  for (const { key } of configKeys(definition.schema)) {
    const value = encodeHyperparameter(readPath(config, key))
    if (key.length > MAX_KEY_LENGTH || value.length > MAX_VALUE_LENGTH) {
      throw new UserError({
        input: `config key ${key}`,
        problem: `is too long for a SageMaker hyperparameter (key ${key.length} chars, value ${value.length} chars)`,
        expected: `keys up to ${MAX_KEY_LENGTH} and values up to ${MAX_VALUE_LENGTH} characters`,
        fix: 'move large values (lists, vocabularies) into a data channel and keep a path in the config',
      })
    }
    hyperparameters[key] = value
  }
  if (Object.keys(hyperparameters).length > MAX_HYPERPARAMETERS) {
    throw new UserError({
      input: `model ${definition.model}'s config`,
      problem: `has ${Object.keys(hyperparameters).length - 1} keys`,
      expected: `at most ${MAX_HYPERPARAMETERS - 1} keys (SageMaker takes ${MAX_HYPERPARAMETERS} hyperparameters)`,
      fix: 'group related settings into one Object-format key',
    })
  }
  return hyperparameters
}

/**
 * `<model>-<run-id>`, the run id always whole: a model name too long for both is shortened and
 * followed by a hash of it (see sagemaker-name.ts), so every run of every model gets its own job.
 */
export function trainingJobName(model: string, runId: string): string {
  return sageMakerName(model, runId)
}
