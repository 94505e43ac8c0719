// The security properties of platform.yaml that a careless edit could quietly lose.
import { beforeAll, describe, expect, it } from 'vitest'
import type { CfnTemplate } from './cfn-template'
import { applyParameters } from './check/apply-parameters'
import { readTemplate } from './read-template'
import { MODEL_ENDPOINT_TEMPLATE, PLATFORM_TEMPLATE } from './template-paths'

interface Statement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: unknown
  Action: string | string[]
  Resource: unknown
  Condition?: Record<string, Record<string, unknown>>
}

let template: CfnTemplate
beforeAll(async () => {
  template = (await readTemplate(PLATFORM_TEMPLATE)).template
})

function properties(id: string, from: CfnTemplate = template): Record<string, unknown> {
  const resource = from.Resources[id]
  if (!resource) throw new Error(`no resource ${id}`)
  return resource.Properties ?? {}
}

function policyStatements(roleId: string): Statement[] {
  const policies = properties(roleId).Policies as { PolicyDocument: { Statement: Statement[] } }[]
  return policies.flatMap((policy) => policy.PolicyDocument.Statement)
}

const actions = (statement: Statement): string[] => [statement.Action].flat()

describe('artifact bucket', () => {
  it('is versioned, encrypted, owner-enforced and blocks every kind of public access', () => {
    const bucket = properties('ArtifactBucket')
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' })
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    })
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    })
    expect(bucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] })
    expect(template.Resources.ArtifactBucket?.DeletionPolicy).toBe('Retain')
  })

  it('denies every request that does not use TLS, on the bucket and its objects', () => {
    const policy = properties('ArtifactBucketPolicy')
    expect(policy.Bucket).toEqual({ Ref: 'ArtifactBucket' })
    expect((policy.PolicyDocument as { Statement: Statement[] }).Statement).toContainEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [{ 'Fn::GetAtt': ['ArtifactBucket', 'Arn'] }, { 'Fn::Sub': '${ArtifactBucket.Arn}/*' }],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    })
  })
})

it('the runtime image repository has immutable tags, scans every push and expires only untagged images', () => {
  const repository = properties('RuntimeImageRepository')
  expect(repository.ImageScanningConfiguration).toEqual({ ScanOnPush: true })
  expect(repository.ImageTagMutability).toBe('IMMUTABLE')
  const lifecycle = JSON.parse(
    (repository.LifecyclePolicy as { LifecyclePolicyText: string }).LifecyclePolicyText,
  )
  expect(
    lifecycle.rules.map((rule: { selection: { tagStatus: string } }) => rule.selection.tagStatus),
  ).toEqual(['untagged'])
})

describe('SageMaker execution role', () => {
  it('only SageMaker can assume it', () => {
    expect(properties('SageMakerExecutionRole').AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    })
  })

  it('reads the bucket, writes only under training/ and transform/, and has no wildcard actions', () => {
    const statements = policyStatements('SageMakerExecutionRole')
    const writes = statements.filter((s) => actions(s).some((a) => /^s3:(Put|Delete)/.test(a)))
    expect(writes.map((s) => s.Resource)).toEqual([
      [{ 'Fn::Sub': '${ArtifactBucket.Arn}/training/*' }, { 'Fn::Sub': '${ArtifactBucket.Arn}/transform/*' }],
    ])
    expect(statements.flatMap(actions).filter((a) => a.includes('*'))).toEqual([])
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true)
  })

  // SageMaker reads the auto-rollback alarms of a blue/green update as this role ("Auto-Rollback
  // Configuration and Monitoring"); without DescribeAlarms on them the rollback guardrail cannot work.
  it('can describe exactly the alarms model stacks name for auto-rollback, and no other', async () => {
    const describes = policyStatements('SageMakerExecutionRole').filter((s) =>
      actions(s).some((a) => a.startsWith('cloudwatch:Describe')),
    )
    const alarms = 'arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:'
    expect(describes).toEqual([
      {
        Sid: 'ReadRollbackAlarms',
        Effect: 'Allow',
        Action: 'cloudwatch:DescribeAlarms',
        Resource: { 'Fn::Sub': `${alarms}sagepack-*` },
      },
    ])
    // The grant covers the rollback alarms only while their names keep the prefix it names.
    const endpointStack = applyParameters((await readTemplate(MODEL_ENDPOINT_TEMPLATE)).template, {
      ModelName: 'iris',
      Stage: 'prod',
      ImageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-platform/runtime:abc',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sagepack-platform-sagemaker-eu-west-1',
      ModelDataUrl: `s3://sagepack-artifacts/iris/${'ab'.repeat(32)}/model.tar.gz`,
      BundleDigest: 'ab'.repeat(32),
      ModelDataDownloadTimeoutInSeconds: '60',
      ContainerStartupHealthCheckTimeoutInSeconds: '60',
    })
    const deployment = properties('Endpoint', endpointStack).DeploymentConfig as {
      AutoRollbackConfiguration: { Alarms: { AlarmName: { Ref: string } }[] }
    }
    const rollbackAlarms = deployment.AutoRollbackConfiguration.Alarms.map(
      (alarm) => properties(alarm.AlarmName.Ref, endpointStack).AlarmName as { 'Fn::Sub': string },
    )
    expect(rollbackAlarms).toHaveLength(2)
    for (const name of rollbackAlarms) expect(name['Fn::Sub']).toMatch(/^sagepack-\$\{ModelName\}-/)
  })

  it('pulls only the runtime repository and writes only SageMaker log groups', () => {
    const statements = policyStatements('SageMakerExecutionRole')
    const pull = statements.find((s) => s.Sid === 'PullRuntimeImage')
    expect(pull?.Resource).toEqual({ 'Fn::GetAtt': ['RuntimeImageRepository', 'Arn'] })
    const logs = statements.find((s) => s.Sid === 'WriteLogs')
    expect(logs?.Resource).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/*',
    })
  })
})

describe('GitHub OIDC pull-request role', () => {
  it('trusts only pull-request tokens of one repository, for sts.amazonaws.com', () => {
    const document = properties('PullRequestRole').AssumeRolePolicyDocument as { Statement: Statement[] }
    expect(document.Statement).toHaveLength(1)
    const statement = document.Statement[0] as Statement
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity')
    expect(Object.keys(statement.Condition ?? {})).toEqual(['StringEquals'])
    expect(statement.Condition?.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': {
        'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:pull_request',
      },
    })
  })

  it('can only read and list archived runs', () => {
    expect(policyStatements('PullRequestRole')).toEqual([
      {
        Sid: 'ReadArchivedRuns',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Sub': '${ArtifactBucket.Arn}/runs/*' },
      },
      // Without ListBucket, S3 answers a missing run with 403 instead of 404, and the pull reads as
      // "access denied"; the prefix condition keeps every other key of the bucket unlisted.
      {
        Sid: 'ListArchivedRuns',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': ['ArtifactBucket', 'Arn'] },
        Condition: { StringLike: { 's3:prefix': 'runs/*' } },
      },
    ])
  })
})

describe('GitHub OIDC deploy role', () => {
  function trust(from: CfnTemplate = template): Statement {
    const document = properties('DeployRole', from).AssumeRolePolicyDocument as { Statement: Statement[] }
    expect(document.Statement).toHaveLength(1)
    return document.Statement[0] as Statement
  }

  it('trusts only tokens for sts.amazonaws.com from main and the deploy environments of one repository', () => {
    const statement = trust()
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity')
    // Exact matches only: StringLike would let a wildcard in.
    expect(Object.keys(statement.Condition ?? {})).toEqual(['StringEquals'])
    expect(statement.Condition?.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': [
        { 'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:ref:refs/heads/main' },
        { 'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:environment:dev' },
        { 'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:environment:staging' },
        { 'Fn::Sub': 'repo:${GitHubOrg}/${GitHubRepo}:environment:prod' },
      ],
    })
  })

  it('creates the OIDC provider unless one is given, and trusts whichever it is', () => {
    const created = applyParameters(template, { GitHubOrg: 'acme', GitHubRepo: 'models' })
    expect(properties('GitHubOidcProvider', created)).toMatchObject({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    })
    expect(trust(created).Principal).toEqual({ Federated: { Ref: 'GitHubOidcProvider' } })

    const existing = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    const reused = applyParameters(template, {
      GitHubOrg: 'acme',
      GitHubRepo: 'models',
      ExistingOidcProviderArn: existing,
    })
    expect(reused.Resources).not.toHaveProperty('GitHubOidcProvider')
    expect(trust(reused).Principal).toEqual({ Federated: existing })
  })

  it('can pass only the execution role, and only to SageMaker', () => {
    const passRole = policyStatements('DeployRole').filter((s) =>
      actions(s).some((a) => a.startsWith('iam:PassRole')),
    )
    expect(passRole).toEqual([
      {
        Sid: 'PassExecutionRoleToSageMaker',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { 'Fn::GetAtt': ['SageMakerExecutionRole', 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      },
    ])
  })

  it('may describe the endpoints it deploys: deploy checks which EndpointConfig they serve and run', () => {
    const describes = policyStatements('DeployRole').filter(
      (s) => s.Effect === 'Allow' && actions(s).includes('sagemaker:DescribeEndpoint'),
    )
    expect(describes.map((s) => s.Resource)).toEqual([
      expect.arrayContaining([
        { 'Fn::Sub': 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/*' },
      ]),
    ])
  })

  it('changes only sagepack-* stacks, never the platform stack itself, and has no wildcard actions', () => {
    const statements = policyStatements('DeployRole')
    const change = statements.find((s) => s.Sid === 'ChangeModelStacks')
    expect(change?.Resource).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/sagepack-*/*',
    })
    const deny = statements.find((s) => s.Effect === 'Deny')
    expect(deny?.Resource).toEqual({
      'Fn::Sub':
        'arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AWS::StackName}/*',
    })
    expect(actions(deny as Statement)).toEqual(
      expect.arrayContaining(['cloudformation:ExecuteChangeSet', 'cloudformation:UpdateStack']),
    )
    expect(statements.flatMap(actions).filter((a) => a.includes('*'))).toEqual([])
    // IAM writes are limited to the one service-linked role Application Auto Scaling needs.
    expect(statements.flatMap(actions).filter((a) => a.startsWith('iam:'))).toEqual([
      'iam:PassRole',
      'iam:CreateServiceLinkedRole',
    ])
  })
})
