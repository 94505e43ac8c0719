import type { DeploymentSettings, StageSettings } from '@sagepack/core-train'
import { describe, expect, it } from 'vitest'
import { stackParameters } from './stack-parameters'
import { startupTimeouts } from './startup-timeouts'

const GiB = 2 ** 30
const DIGEST = 'cd'.repeat(32)

const stage = (overrides: Partial<StageSettings>): StageSettings => ({
  instanceType: 'ml.m5.xlarge',
  initialInstanceCount: 1,
  minInstanceCount: 1,
  maxInstanceCount: 1,
  targetInvocationsPerInstance: 1000,
  serverlessMemorySizeInMB: 0,
  serverlessMaxConcurrency: 5,
  ...overrides,
})

const settings: DeploymentSettings = {
  deploy: {
    uncompressedModelData: false,
    modelLatencyAlarmMicroseconds: 500000,
    dev: stage({ serverlessMemorySizeInMB: 6144 }),
    staging: stage({}),
    prod: stage({ initialInstanceCount: 2, minInstanceCount: 2, maxInstanceCount: 4 }),
  },
  transform: { instanceType: 'ml.m5.large', instanceCount: 1, maxPayloadInMB: 6, maxConcurrentTransforms: 1 },
}

describe('stackParameters', () => {
  it('sends the start-up timeouts of a 1 GiB bundle: 163 s to download, 90 s to answer /ping', () => {
    const parameters = stackParameters({
      model: 'big-mlp',
      stage: 'prod',
      settings,
      platform: {
        artifactStore: 's3://sagepack-artifacts/',
        imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-platform/runtime:abc',
        executionRoleArn: 'arn:aws:iam::123456789012:role/sagepack-platform-sagemaker-eu-west-1',
      },
      modelData: {
        url: `s3://sagepack-artifacts/big-mlp/${DIGEST}/model.tar.gz`,
        compression: 'Gzip',
        sha256: DIGEST,
      },
      startup: startupTimeouts({ archiveBytes: GiB, extractedBytes: GiB }),
    })
    expect(Object.fromEntries(parameters.map((p) => [p.ParameterKey, p.ParameterValue]))).toEqual({
      ModelName: 'big-mlp',
      Stage: 'prod',
      ImageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-platform/runtime:abc',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sagepack-platform-sagemaker-eu-west-1',
      ModelDataUrl: `s3://sagepack-artifacts/big-mlp/${DIGEST}/model.tar.gz`,
      ModelDataCompression: 'Gzip',
      BundleDigest: DIGEST,
      InstanceType: 'ml.m5.xlarge',
      InitialInstanceCount: '2',
      MinInstanceCount: '2',
      MaxInstanceCount: '4',
      TargetInvocationsPerInstance: '1000',
      ServerlessMemorySizeInMB: '0',
      ServerlessMaxConcurrency: '5',
      MaxPayloadInMB: '6',
      ModelLatencyAlarmMicroseconds: '500000',
      ModelDataDownloadTimeoutInSeconds: '163',
      ContainerStartupHealthCheckTimeoutInSeconds: '90',
    })
    // The template's order, which CloudFormation shows them in.
    expect(parameters.slice(-2).map((p) => p.ParameterKey)).toEqual([
      'ModelDataDownloadTimeoutInSeconds',
      'ContainerStartupHealthCheckTimeoutInSeconds',
    ])
  })
})
