// What model-endpoint.yaml deploys for each kind of stage, evaluated the way CloudFormation would:
// provisioned and autoscaled, a fixed fleet, serverless, and uncompressed model data.
import { beforeAll, describe, expect, it } from 'vitest'
import type { CfnTemplate } from './cfn-template'
import { applyParameters } from './check/apply-parameters'
import { checkResourceProperties } from './check/check-resource-properties'
import { resourceSpecification } from './check/resource-spec'
import { readTemplate } from './read-template'
import { MODEL_ENDPOINT_TEMPLATE } from './template-paths'

const DIGEST = 'ab'.repeat(32)
const BASE = {
  ModelName: 'iris',
  Stage: 'prod',
  ImageUri:
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-platform/runtime:9f0c2d41e7b6a5c3d2e1f0a9b8c7d6e5f4a3b2c1',
  ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sagepack-platform-sagemaker-eu-west-1',
  ModelDataUrl: `s3://sagepack-artifacts/iris/${DIGEST}/model.tar.gz`,
  BundleDigest: DIGEST,
  ModelDataDownloadTimeoutInSeconds: '163',
  ContainerStartupHealthCheckTimeoutInSeconds: '90',
}

let template: CfnTemplate
beforeAll(async () => {
  template = (await readTemplate(MODEL_ENDPOINT_TEMPLATE)).template
})

function deployed(parameters: Record<string, string>): CfnTemplate {
  const result = applyParameters(template, { ...BASE, ...parameters })
  // Whatever the stage, what is left must still satisfy the specification.
  expect(checkResourceProperties(result, resourceSpecification())).toEqual([])
  return result
}

function properties(result: CfnTemplate, id: string): Record<string, unknown> {
  const resource = result.Resources[id]
  if (!resource) throw new Error(`no resource ${id} in this configuration`)
  return resource.Properties ?? {}
}

describe('model-endpoint.yaml', () => {
  it('provisioned with bounds apart: instances, blue/green with rollback alarms, target tracking', () => {
    const result = deployed({
      InstanceType: 'ml.c5.xlarge',
      InitialInstanceCount: '2',
      MinInstanceCount: '2',
      MaxInstanceCount: '6',
    })
    expect(properties(result, 'EndpointConfig').ProductionVariants).toEqual([
      {
        VariantName: 'AllTraffic',
        ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] },
        InitialVariantWeight: 1,
        InstanceType: 'ml.c5.xlarge',
        InitialInstanceCount: '2',
        ModelDataDownloadTimeoutInSeconds: '163',
        ContainerStartupHealthCheckTimeoutInSeconds: '90',
      },
    ])
    const endpoint = properties(result, 'Endpoint')
    expect(endpoint.EndpointName).toEqual({ 'Fn::Sub': '${ModelName}-${Stage}' })
    expect(endpoint.RetainAllVariantProperties).toBe(true)
    expect(endpoint.DeploymentConfig).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 300 },
        TerminationWaitInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 3600,
      },
      AutoRollbackConfiguration: {
        Alarms: [
          { AlarmName: { Ref: 'InvocationErrorRateAlarm' } },
          { AlarmName: { Ref: 'ModelLatencyAlarm' } },
        ],
      },
    })
    expect(properties(result, 'ScalableTarget')).toMatchObject({
      ServiceNamespace: 'sagemaker',
      ResourceId: { 'Fn::Sub': 'endpoint/${Endpoint.EndpointName}/variant/AllTraffic' },
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: '2',
      MaxCapacity: '6',
    })
    expect(properties(result, 'ScalingPolicy')).toMatchObject({
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: { Ref: 'ScalableTarget' },
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: '1000',
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
      },
    })
  })

  it('a fixed fleet (min = max) keeps blue/green but has no autoscaling', () => {
    const result = deployed({ InitialInstanceCount: '2', MinInstanceCount: '2', MaxInstanceCount: '2' })
    expect(result.Resources).not.toHaveProperty('ScalableTarget')
    expect(result.Resources).not.toHaveProperty('ScalingPolicy')
    expect(properties(result, 'Endpoint').DeploymentConfig).toHaveProperty('BlueGreenUpdatePolicy')
    expect(properties(result, 'Endpoint').RetainAllVariantProperties).toBe(false)
  })

  it('serverless: ServerlessConfig only, no instances, no blue/green, no autoscaling', () => {
    const result = deployed({
      Stage: 'dev',
      ServerlessMemorySizeInMB: '2048',
      ServerlessMaxConcurrency: '5',
      MaxInstanceCount: '3',
    })
    expect(properties(result, 'EndpointConfig').ProductionVariants).toEqual([
      {
        VariantName: 'AllTraffic',
        ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] },
        InitialVariantWeight: 1,
        ServerlessConfig: { MemorySizeInMB: '2048', MaxConcurrency: '5' },
      },
    ])
    expect(properties(result, 'Endpoint')).not.toHaveProperty('DeploymentConfig')
    expect(result.Resources).not.toHaveProperty('ScalableTarget')
    expect(result.Resources).not.toHaveProperty('ScalingPolicy')
  })

  it('gzip model data is a ModelDataUrl; uncompressed is an S3Prefix ModelDataSource', () => {
    const gzip = properties(deployed({}), 'Model').PrimaryContainer
    expect(gzip).toEqual({
      Image: BASE.ImageUri,
      Mode: 'SingleModel',
      ModelDataUrl: BASE.ModelDataUrl,
      Environment: { SAGEMAKER_MAX_PAYLOAD_IN_MB: '6', SAGEPACK_BUNDLE_DIGEST: DIGEST },
    })
    const prefix = `s3://sagepack-artifacts/iris/${DIGEST}/model/`
    const plain = properties(
      deployed({ ModelDataCompression: 'None', ModelDataUrl: prefix }),
      'Model',
    ).PrimaryContainer
    expect(plain).not.toHaveProperty('ModelDataUrl')
    expect(plain).toHaveProperty('ModelDataSource', {
      S3DataSource: { S3Uri: prefix, S3DataType: 'S3Prefix', CompressionType: 'None' },
    })
  })

  it('EndpointConfig and Model have no fixed names, so any change replaces them', () => {
    const result = deployed({})
    expect(properties(result, 'EndpointConfig')).not.toHaveProperty('EndpointConfigName')
    expect(properties(result, 'Model')).not.toHaveProperty('ModelName')
    expect(properties(result, 'Endpoint').EndpointConfigName).toEqual({
      'Fn::GetAtt': ['EndpointConfig', 'EndpointConfigName'],
    })
  })

  it('tags model, config and endpoint with model, stage and bundle digest', () => {
    const result = deployed({})
    for (const id of ['Model', 'EndpointConfig', 'Endpoint']) {
      expect(properties(result, id).Tags, id).toEqual([
        { Key: 'sagepack:model', Value: 'iris' },
        { Key: 'sagepack:stage', Value: 'prod' },
        { Key: 'sagepack:bundle-digest', Value: DIGEST },
      ])
    }
  })

  it('rollback alarms watch 5xx rate and model latency of this endpoint and variant', () => {
    const result = deployed({ ModelLatencyAlarmMicroseconds: '250000' })
    const dimensions = [
      { Name: 'EndpointName', Value: { 'Fn::Sub': '${ModelName}-${Stage}' } },
      { Name: 'VariantName', Value: 'AllTraffic' },
    ]
    const errors = properties(result, 'InvocationErrorRateAlarm')
    const metrics = errors.Metrics as { Id: string; MetricStat?: { Metric: unknown }; Expression?: string }[]
    expect(metrics.map((m) => m.MetricStat?.Metric)).toEqual([
      { Namespace: 'AWS/SageMaker', MetricName: 'Invocation5XXErrors', Dimensions: dimensions },
      { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions },
      undefined,
    ])
    expect(metrics[2]?.Expression).toBe('100 * errors / invocations')
    const latency = properties(result, 'ModelLatencyAlarm')
    expect(latency).toMatchObject({ MetricName: 'ModelLatency', Dimensions: dimensions, Threshold: '250000' })
    // The endpoint's own name, not a reference to the Endpoint resource: that would be a dependency cycle.
    expect(JSON.stringify([errors, latency])).not.toContain('"Endpoint"')
  })

  it('refuses parameter values CloudFormation would refuse', () => {
    expect(() => applyParameters(template, { ...BASE, ModelName: 'Iris_Model' })).toThrow(
      'parameter ModelName',
    )
    expect(() => applyParameters(template, { ...BASE, Stage: 'qa' })).toThrow('parameter Stage')
    expect(() => applyParameters(template, { ...BASE, BundleDigest: 'abc' })).toThrow(
      'parameter BundleDigest',
    )
    expect(() => applyParameters(template, { ...BASE, ServerlessMemorySizeInMB: '1000' })).toThrow(
      'parameter ServerlessMemorySizeInMB',
    )
    expect(() => applyParameters(template, { ...BASE, ModelDataUrl: 'https://x/model.tar.gz' })).toThrow(
      'parameter ModelDataUrl',
    )
    // SageMaker takes 60 to 3600 s for both start-up timeouts.
    for (const name of ['ModelDataDownloadTimeoutInSeconds', 'ContainerStartupHealthCheckTimeoutInSeconds']) {
      expect(() => applyParameters(template, { ...BASE, [name]: '59' })).toThrow(`parameter ${name}`)
      expect(() => applyParameters(template, { ...BASE, [name]: '3601' })).toThrow(`parameter ${name}`)
      expect(() => applyParameters(template, { ...BASE, [name]: '3600' })).not.toThrow()
    }
  })
})
