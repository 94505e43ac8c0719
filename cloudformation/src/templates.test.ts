// Both shipped templates against the CloudFormation resource specification (@aws-cdk/cfnspec), and
// against the interface `sagepack deploy` and the deploy workflow rely on.
import { describe, expect, it } from 'vitest'
import { checkTemplate } from './check/check-template'
import { resourceSpecification } from './check/resource-spec'
import { readTemplate } from './read-template'
import { MODEL_ENDPOINT_TEMPLATE, PLATFORM_TEMPLATE } from './template-paths'

const spec = resourceSpecification()

/** The parameters `sagepack deploy` fills, in this order (the plan for issue 4, section 2). */
const MODEL_ENDPOINT_PARAMETERS = [
  'ModelName',
  'Stage',
  'ImageUri',
  'ExecutionRoleArn',
  'ModelDataUrl',
  'ModelDataCompression',
  'BundleDigest',
  'InstanceType',
  'InitialInstanceCount',
  'MinInstanceCount',
  'MaxInstanceCount',
  'TargetInvocationsPerInstance',
  'ServerlessMemorySizeInMB',
  'ServerlessMaxConcurrency',
  'MaxPayloadInMB',
  'ModelLatencyAlarmMicroseconds',
  'ModelDataDownloadTimeoutInSeconds',
  'ContainerStartupHealthCheckTimeoutInSeconds',
]

describe.each([
  ['platform.yaml', PLATFORM_TEMPLATE],
  ['model-endpoint.yaml', MODEL_ENDPOINT_TEMPLATE],
])('%s', (_name, path) => {
  it('is written with short-form tags and parses into the long form', async () => {
    const { body, template } = await readTemplate(path)
    for (const tag of ['!Ref ', '!Sub ', '!GetAtt ', '!If ']) expect(body).toContain(tag)
    expect(JSON.stringify(template)).not.toMatch(/"!(Ref|Sub|GetAtt|If)\b/)
    expect(JSON.stringify(template)).toContain('"Fn::GetAtt":[')
  })

  it('uses only resource types of the CloudFormation resource specification', async () => {
    const { template } = await readTemplate(path)
    const types = Object.values(template.Resources).map((resource) => resource.Type)
    expect(types.length).toBeGreaterThan(3)
    for (const type of types) expect(spec.resourceTypes, type).toHaveProperty([type])
  })

  it('passes every property, reference, condition and parameter check', async () => {
    const { template } = await readTemplate(path)
    expect(checkTemplate(template, spec)).toEqual([])
  })
})

it('model-endpoint.yaml takes exactly the parameters deploy fills, and gives its two outputs', async () => {
  const { template } = await readTemplate(MODEL_ENDPOINT_TEMPLATE)
  expect(Object.keys(template.Parameters ?? {})).toEqual(MODEL_ENDPOINT_PARAMETERS)
  expect(Object.keys(template.Outputs ?? {})).toEqual(['EndpointName', 'EndpointConfigName'])
})

it('platform.yaml takes the GitHub repository and gives the outputs deploy reads, exported', async () => {
  const { template } = await readTemplate(PLATFORM_TEMPLATE)
  expect(Object.keys(template.Parameters ?? {})).toEqual([
    'GitHubOrg',
    'GitHubRepo',
    'ExistingOidcProviderArn',
  ])
  expect(template.Parameters?.ExistingOidcProviderArn?.Default).toBe('')
  const outputs = template.Outputs ?? {}
  expect(Object.keys(outputs)).toEqual([
    'ArtifactBucketName',
    'RuntimeImageRepositoryUri',
    'ExecutionRoleArn',
    'DeployRoleArn',
    'PullRequestRoleArn',
  ])
  for (const [name, output] of Object.entries(outputs)) {
    expect(output.Export?.Name).toEqual({ 'Fn::Sub': `\${AWS::StackName}-${name}` })
  }
})
