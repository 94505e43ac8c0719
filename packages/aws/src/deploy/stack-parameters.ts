// The parameters of a model's endpoint stack (cloudformation/model-endpoint.yaml) for one stage:
// where the model data is, which image and role run it, and the stage's settings from the model's
// config. Pure, so a dry run prints exactly what a deploy sends.
import type { Parameter } from '@aws-sdk/client-cloudformation'
import type { DeploymentSettings, Stage } from '@sagepack/core-train'
import { imageFor, type Platform } from '../platform/platform'
import type { StartupTimeouts } from './startup-timeouts'

export interface ModelData {
  /** `s3://.../model.tar.gz`, or an S3 prefix ending in '/' holding the extracted files. */
  url: string
  compression: 'Gzip' | 'None'
  sha256: string
}

/** InvokeEndpoint takes at most 6 MB; the server's limit matches it so a larger body gets a clear 413. */
const REALTIME_PAYLOAD_LIMIT_MB = 6

export function stackName(model: string, stage: Stage): string {
  return `sagepack-${model}-${stage}`
}

/** The endpoint the stack makes: model-endpoint.yaml names it `${ModelName}-${Stage}`. */
export function endpointName(model: string, stage: Stage): string {
  return `${model}-${stage}`
}

export function stackParameters(input: {
  model: string
  stage: Stage
  settings: DeploymentSettings
  platform: Platform
  modelData: ModelData
  /** From the bundle's size (startup-timeouts.ts); the template leaves them out for serverless. */
  startup: StartupTimeouts
}): Parameter[] {
  const stage = input.settings.deploy[input.stage]
  const values: Record<string, string | number> = {
    ModelName: input.model,
    Stage: input.stage,
    // A GPU instance serves from the GPU image, as training and transform jobs do; serverless
    // endpoints run on CPUs only, whatever InstanceType says (it is ignored then).
    ImageUri:
      stage.serverlessMemorySizeInMB > 0
        ? input.platform.imageUri
        : imageFor(input.platform, stage.instanceType),
    ExecutionRoleArn: input.platform.executionRoleArn,
    ModelDataUrl: input.modelData.url,
    ModelDataCompression: input.modelData.compression,
    BundleDigest: input.modelData.sha256,
    InstanceType: stage.instanceType,
    InitialInstanceCount: stage.initialInstanceCount,
    MinInstanceCount: stage.minInstanceCount,
    MaxInstanceCount: stage.maxInstanceCount,
    TargetInvocationsPerInstance: stage.targetInvocationsPerInstance,
    ServerlessMemorySizeInMB: stage.serverlessMemorySizeInMB,
    ServerlessMaxConcurrency: stage.serverlessMaxConcurrency,
    MaxPayloadInMB: REALTIME_PAYLOAD_LIMIT_MB,
    ModelLatencyAlarmMicroseconds: input.settings.deploy.modelLatencyAlarmMicroseconds,
    ModelDataDownloadTimeoutInSeconds: input.startup.modelDataDownloadTimeoutInSeconds,
    ContainerStartupHealthCheckTimeoutInSeconds: input.startup.containerStartupHealthCheckTimeoutInSeconds,
  }
  return Object.entries(values).map(([ParameterKey, value]) => ({
    ParameterKey,
    ParameterValue: String(value),
  }))
}
