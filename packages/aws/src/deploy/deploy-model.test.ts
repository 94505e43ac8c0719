// deploy against mocked CloudFormation, SageMaker and SageMaker runtime (the control plane no emulator
// offers), with a real bundle and a real file:// artifact store: the whole request of every call is
// asserted. DescribeEndpoint answers have the shape of SageMaker's API reference (DescribeEndpoint,
// ProductionVariantSummary, DeploymentConfig).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation'
import {
  DescribeEndpointCommand,
  type DescribeEndpointOutput,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { MODEL_ENDPOINT_TEMPLATE } from '@sagepack/cloudformation'
import { bundleKey, openArtifactStore, sha256OfFile, UserError } from '@sagepack/core-data'
import { keepMocksToThisFile } from '@sagepack/core-train/testing'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeAll, describe, expect, it } from 'vitest'
import { type DeployOptions, deployModel } from './deploy-model'
import { capturePrint, writeFixtureBundle } from './deploy-model.fixture'

const cfn = mockClient(CloudFormationClient)
const runtime = mockClient(SageMakerRuntimeClient)
const sagemaker = mockClient(SageMakerClient)
keepMocksToThisFile(cfn, runtime, sagemaker)
const workspaceRoot = findWorkspaceRoot()
const folder = locateModel(workspaceRoot, 'iris')
const template = readFileSync(MODEL_ENDPOINT_TEMPLATE, 'utf8')
const example = readFileSync(join(folder.dir, 'inference', 'example.json'), 'utf8')
const NOW = new Date('2026-11-23T12:00:00Z')
const STACK = 'sagepack-iris-staging'
const ENDPOINT = 'iris-staging'
// CloudFormation names the endpoint configs it makes (model-endpoint.yaml gives none).
const OLD_CONFIG = 'EndpointConfig-Q7mWcP2kLx9B'
const NEW_CONFIG = 'EndpointConfig-Zr4TnV8hJe1D'
const ALARMS = ['sagepack-iris-staging-invocation-5xx-rate', 'sagepack-iris-staging-model-latency']
const ENV = {
  SAGEPACK_ARTIFACT_STORE: 's3://ignored-by-the-injected-store/',
  SAGEPACK_IMAGE_URI: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sagepack-runtime:abc123',
  SAGEPACK_EXECUTION_ROLE_ARN: 'arn:aws:iam::123456789012:role/sagepack-execution',
}

let bundle: string
let sha256: string

beforeAll(async () => {
  bundle = await writeFixtureBundle()
  sha256 = await sha256OfFile(bundle)
})

function options(overrides: Partial<DeployOptions> = {}) {
  const out = capturePrint()
  const storeDir = mkdtempSync(join(tmpdir(), 'sagepack-store-'))
  const store = openArtifactStore(pathToFileURL(storeDir).href)
  const deploy: DeployOptions = {
    workspaceRoot,
    folder,
    stage: 'staging',
    bundle,
    env: ENV,
    print: out.print,
    clients: () => ({
      cloudformation: new CloudFormationClient({}),
      sagemaker: new SageMakerClient({}),
      runtime: new SageMakerRuntimeClient({}),
    }),
    openStore: () => store,
    pollMs: 0,
    now: () => NOW,
    ...overrides,
  }
  return { deploy, out, store }
}

function expectedParameters(modelDataUrl: string) {
  const values: Record<string, string> = {
    ModelName: 'iris',
    Stage: 'staging',
    ImageUri: ENV.SAGEPACK_IMAGE_URI,
    ExecutionRoleArn: ENV.SAGEPACK_EXECUTION_ROLE_ARN,
    ModelDataUrl: modelDataUrl,
    ModelDataCompression: 'Gzip',
    BundleDigest: sha256,
    InstanceType: 'ml.m5.large',
    InitialInstanceCount: '1',
    MinInstanceCount: '1',
    MaxInstanceCount: '2',
    TargetInvocationsPerInstance: '1000',
    ServerlessMemorySizeInMB: '0',
    ServerlessMaxConcurrency: '5',
    MaxPayloadInMB: '6',
    ModelLatencyAlarmMicroseconds: '500000',
    // The iris bundle is a few KiB: a minute and the second begun (startup-timeouts.ts).
    ModelDataDownloadTimeoutInSeconds: '61',
    ContainerStartupHealthCheckTimeoutInSeconds: '61',
  }
  return Object.entries(values).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }))
}

const changeSetName = () => `sagepack-${sha256.slice(0, 12)}-20261123-120000`
const missingStack = Object.assign(new Error(`Stack with id ${STACK} does not exist`), {
  name: 'ValidationError',
})

/** The model's stack as DescribeStacks shows it, its outputs naming the endpoint config it made. */
function stack(status: string, endpointConfig = NEW_CONFIG) {
  return {
    Stacks: [
      {
        StackName: STACK,
        StackStatus: status as never,
        CreationTime: NOW,
        Outputs: [
          { OutputKey: 'EndpointName', OutputValue: ENDPOINT },
          { OutputKey: 'EndpointConfigName', OutputValue: endpointConfig },
        ],
      },
    ],
  }
}

/** DescribeEndpoint of iris-staging, in service on one ml.m5.large with its blue/green rollback alarms. */
function liveEndpoint(overrides: Partial<DescribeEndpointOutput> = {}): DescribeEndpointOutput {
  return {
    EndpointName: ENDPOINT,
    EndpointArn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${ENDPOINT}`,
    EndpointConfigName: NEW_CONFIG,
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        DeployedImages: [
          {
            SpecifiedImage: ENV.SAGEPACK_IMAGE_URI,
            ResolvedImage: `123456789012.dkr.ecr.us-east-1.amazonaws.com/sagepack-runtime@sha256:${'e'.repeat(64)}`,
            ResolutionTime: NOW,
          },
        ],
        CurrentWeight: 1,
        DesiredWeight: 1,
        CurrentInstanceCount: 1,
        DesiredInstanceCount: 1,
      },
    ],
    EndpointStatus: 'InService',
    CreationTime: NOW,
    LastModifiedTime: NOW,
    LastDeploymentConfig: {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 300 },
        TerminationWaitInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 3600,
      },
      AutoRollbackConfiguration: { Alarms: ALARMS.map((AlarmName) => ({ AlarmName })) },
    },
    ...overrides,
  }
}

/** The same endpoint when it is serverless: no instances, no deployment config. */
function serverlessEndpoint(): DescribeEndpointOutput {
  const serverless = { MemorySizeInMB: 2048, MaxConcurrency: 5 }
  const { LastDeploymentConfig: _, ...endpoint } = liveEndpoint({ EndpointConfigName: OLD_CONFIG })
  return {
    ...endpoint,
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        DeployedImages: endpoint.ProductionVariants?.[0]?.DeployedImages,
        CurrentWeight: 1,
        DesiredWeight: 1,
        CurrentServerlessConfig: serverless,
        DesiredServerlessConfig: serverless,
      },
    ],
  }
}

const describedEndpoints = () => sagemaker.commandCalls(DescribeEndpointCommand).map((c) => c.args[0].input)

describe('deployModel', () => {
  it('creates the stack, streams its events, and smoke-tests the endpoint', async () => {
    const { deploy, out, store } = options()
    const after = new Date(NOW.getTime() + 1000)
    cfn
      .on(DescribeStacksCommand)
      .rejectsOnce(missingStack)
      .resolvesOnce({ Stacks: [{ StackName: STACK, StackStatus: 'CREATE_IN_PROGRESS', CreationTime: NOW }] })
      .resolves(stack('CREATE_COMPLETE'))
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' })
    cfn
      .on(DescribeChangeSetCommand)
      .resolvesOnce({ Status: 'CREATE_PENDING' })
      .resolves({
        Status: 'CREATE_COMPLETE',
        Changes: [
          {
            Type: 'Resource',
            ResourceChange: {
              Action: 'Add',
              LogicalResourceId: 'Endpoint',
              ResourceType: 'AWS::SageMaker::Endpoint',
            },
          },
        ],
      })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({
        StackEvents: [
          {
            EventId: 'e1',
            StackId: 's',
            StackName: STACK,
            Timestamp: after,
            LogicalResourceId: 'Model',
            ResourceType: 'AWS::SageMaker::Model',
            ResourceStatus: 'CREATE_IN_PROGRESS',
          },
        ],
      })
      .resolves({ StackEvents: [] })
    runtime.on(InvokeEndpointCommand).resolves({
      Body: new TextEncoder().encode('{"predictions":[{"species":"setosa"}]}') as never,
    })
    sagemaker.on(DescribeEndpointCommand).resolves(liveEndpoint())

    expect(await deployModel(deploy)).toBe(0)

    // No endpoint before the stack: the only DescribeEndpoint checks the config the stack made is live.
    expect(describedEndpoints()).toEqual([{ EndpointName: ENDPOINT }])

    const key = bundleKey('iris', sha256)
    expect((await store.head(key))?.sha256).toBe(sha256)
    expect(cfn.commandCalls(DescribeStacksCommand)[0]?.args[0].input).toEqual({ StackName: STACK })
    expect(cfn.commandCalls(CreateChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      {
        StackName: STACK,
        ChangeSetName: changeSetName(),
        ChangeSetType: 'CREATE',
        TemplateBody: template,
        Parameters: expectedParameters(store.uri(key)),
        Tags: [
          { Key: 'sagepack:model', Value: 'iris' },
          { Key: 'sagepack:stage', Value: 'staging' },
          { Key: 'sagepack:bundle-digest', Value: sha256 },
        ],
        Description: `sagepack deploy ${changeSetName()}`,
      },
    ])
    expect(cfn.commandCalls(DescribeChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, ChangeSetName: changeSetName() },
      { StackName: STACK, ChangeSetName: changeSetName() },
    ])
    expect(cfn.commandCalls(ExecuteChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, ChangeSetName: changeSetName() },
    ])
    expect(cfn.commandCalls(DescribeStackEventsCommand)[0]?.args[0].input).toEqual({ StackName: STACK })
    const invoke = runtime.commandCalls(InvokeEndpointCommand)[0]?.args[0].input
    expect({ ...invoke, Body: new TextDecoder().decode(invoke?.Body as Uint8Array) }).toEqual({
      EndpointName: 'iris-staging',
      ContentType: 'application/json',
      Accept: 'application/json',
      Body: example,
    })
    expect(out.text()).toContain('creating sagepack-iris-staging:')
    expect(out.text()).toMatch(/Add\s+Endpoint \(AWS::SageMaker::Endpoint\)/)
    expect(out.text()).toMatch(/CREATE_IN_PROGRESS\s+Model \(AWS::SageMaker::Model\)/)
    expect(out.text()).toContain('smoke test: iris-staging answered {"predictions":[{"species":"setosa"}]}')
  })

  it('re-running with nothing changed deletes the empty change set and deploys nothing', async () => {
    const { deploy, out, store } = options()
    // The bundle is already in the store from an earlier deploy: no second upload either.
    await store.putFile(bundleKey('iris', sha256), bundle, { sha256 })
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE'))
    sagemaker.on(DescribeEndpointCommand).resolves(liveEndpoint())
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-2' })
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    })
    cfn.on(DeleteChangeSetCommand).resolves({})
    runtime.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('[]') as never })

    expect(await deployModel(deploy)).toBe(0)

    expect(cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.ChangeSetType).toBe('UPDATE')
    expect(cfn.commandCalls(DeleteChangeSetCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, ChangeSetName: changeSetName() },
    ])
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0)
    expect(out.text()).toContain('already uploaded')
    expect(out.text()).toContain('no changes: sagepack-iris-staging already runs this bundle')
    // Before (is the switch allowed?) and after (is the stack's config the one served?).
    expect(describedEndpoints()).toEqual([{ EndpointName: ENDPOINT }, { EndpointName: ENDPOINT }])
    expect(runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(1)
  })

  it('a failed stack prints its failed events and returns non-zero', async () => {
    const { deploy, out } = options()
    const after = new Date(NOW.getTime() + 1000)
    cfn
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [{ StackName: STACK, StackStatus: 'UPDATE_COMPLETE', CreationTime: NOW }] })
      .resolves({
        Stacks: [{ StackName: STACK, StackStatus: 'UPDATE_ROLLBACK_COMPLETE', CreationTime: NOW }],
      })
    sagemaker.on(DescribeEndpointCommand).resolves(liveEndpoint({ EndpointConfigName: OLD_CONFIG }))
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-3' })
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          EventId: 'e3',
          StackId: 's',
          StackName: STACK,
          Timestamp: new Date(after.getTime() + 1000),
          LogicalResourceId: STACK,
          ResourceType: 'AWS::CloudFormation::Stack',
          ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE',
        },
        {
          EventId: 'e2',
          StackId: 's',
          StackName: STACK,
          Timestamp: after,
          LogicalResourceId: 'Endpoint',
          ResourceType: 'AWS::SageMaker::Endpoint',
          ResourceStatus: 'UPDATE_FAILED',
          ResourceStatusReason: 'The account-level service limit for ml.m5.large is 0 Instances',
        },
        {
          EventId: 'old',
          StackId: 's',
          StackName: STACK,
          Timestamp: new Date(NOW.getTime() - 60_000),
          LogicalResourceId: 'Endpoint',
          ResourceType: 'AWS::SageMaker::Endpoint',
          ResourceStatus: 'UPDATE_FAILED',
          ResourceStatusReason: 'from an earlier deploy: must not be printed',
        },
      ],
    })

    expect(await deployModel(deploy)).toBe(1)

    expect(runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
    const text = out.text()
    expect(text).toContain(
      'sagepack-iris-staging ended UPDATE_ROLLBACK_COMPLETE; CloudFormation rolled the change back',
    )
    expect(text.split('Failed events:')[1]).toMatch(
      /UPDATE_FAILED\s+Endpoint \(AWS::SageMaker::Endpoint\)\s+The account-level service limit/,
    )
    expect(text).not.toContain('from an earlier deploy')
  })

  it('serves a stage on a GPU instance type (ml.g5.xlarge) from the GPU image', async () => {
    const { deploy, store } = options({
      env: { ...ENV, IRIS_DEPLOY_STAGING_INSTANCE_TYPE: 'ml.g5.xlarge' },
    })
    cfn.on(DescribeStacksCommand).rejects(missingStack)
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-gpu' })
    // Stops after the change set: only the parameters it was created with matter here.
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'FAILED', StatusReason: 'stopped by the test' })

    expect(await deployModel(deploy)).toBe(1)

    const parameters = expectedParameters(store.uri(bundleKey('iris', sha256))).map((p) => {
      if (p.ParameterKey === 'ImageUri') return { ...p, ParameterValue: `${ENV.SAGEPACK_IMAGE_URI}-gpu` }
      if (p.ParameterKey === 'InstanceType') return { ...p, ParameterValue: 'ml.g5.xlarge' }
      return p
    })
    expect(cfn.commandCalls(CreateChangeSetCommand).map((c) => c.args[0].input.Parameters)).toEqual([
      parameters,
    ])
  })

  it('refuses a stack left in ROLLBACK_COMPLETE with the command that clears it', async () => {
    const { deploy } = options()
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: STACK, StackStatus: 'ROLLBACK_COMPLETE', CreationTime: NOW }],
    })
    await expect(deployModel(deploy)).rejects.toThrow(`aws cloudformation delete-stack --stack-name ${STACK}`)
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('a deploy SageMaker rolled back exits 1, naming the reason, the alarms and the config still live', async () => {
    const { deploy, out } = options()
    const after = new Date(NOW.getTime() + 1000)
    // CloudFormation completes the update (its stack names the new config) while SageMaker's blue/green
    // deployment rolled the endpoint back to the old one when an alarm fired during baking.
    cfn
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('UPDATE_COMPLETE', OLD_CONFIG))
      .resolvesOnce(stack('UPDATE_IN_PROGRESS', OLD_CONFIG))
      .resolves(stack('UPDATE_COMPLETE', NEW_CONFIG))
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-4' })
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'Endpoint',
            ResourceType: 'AWS::SageMaker::Endpoint',
            Replacement: 'False',
          },
        },
      ],
    })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          EventId: 'e5',
          StackId: 's',
          StackName: STACK,
          Timestamp: after,
          LogicalResourceId: STACK,
          ResourceType: 'AWS::CloudFormation::Stack',
          ResourceStatus: 'UPDATE_COMPLETE',
        },
      ],
    })
    // The FailureReason's wording is SageMaker's to choose; deploy prints it as it comes.
    const failureReason =
      'Deployment was rolled back: alarm sagepack-iris-staging-invocation-5xx-rate went into ALARM during the baking period'
    sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(liveEndpoint({ EndpointConfigName: OLD_CONFIG }))
      .resolvesOnce(
        liveEndpoint({
          EndpointConfigName: OLD_CONFIG,
          EndpointStatus: 'Updating',
          PendingDeploymentSummary: {
            EndpointConfigName: NEW_CONFIG,
            StartTime: after,
            ProductionVariants: [
              { VariantName: 'AllTraffic', CurrentInstanceCount: 1, DesiredInstanceCount: 1 },
            ],
          },
        }),
      )
      .resolves(liveEndpoint({ EndpointConfigName: OLD_CONFIG, FailureReason: failureReason }))
    // The old fleet still answers, so a smoke test alone would call this deploy a success.
    runtime.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('[]') as never })

    expect(await deployModel(deploy)).toBe(1)

    const text = out.text()
    expect(text).toContain(
      `SageMaker rolled the deployment of iris-staging back: it serves EndpointConfig ${OLD_CONFIG}, not ${NEW_CONFIG} that the stack made`,
    )
    expect(text).toContain(`  reason: ${failureReason}`)
    expect(text).toContain(`  its rollback alarms: ${ALARMS.join(', ')}`)
    expect(text).toContain(`${OLD_CONFIG} is still live and nothing was deleted`)
    expect(runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
    // Before the change, then until the endpoint settled: DescribeEndpoint is the only SageMaker call,
    // and nothing is deleted in CloudFormation either.
    expect(describedEndpoints()).toEqual(Array(3).fill({ EndpointName: ENDPOINT }))
    expect(sagemaker.calls()).toHaveLength(3)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(0)
    expect(cfn.calls().map((c) => c.args[0].constructor.name)).not.toContain('DeleteStackCommand')
  })

  it('re-running after SageMaker rolled an earlier deploy back is no success either', async () => {
    const { deploy, out, store } = options()
    await store.putFile(bundleKey('iris', sha256), bundle, { sha256 })
    // The earlier deploy's stack completed; its endpoint went back to the old config, FailureReason empty.
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', NEW_CONFIG))
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-5' })
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    })
    cfn.on(DeleteChangeSetCommand).resolves({})
    sagemaker.on(DescribeEndpointCommand).resolves(liveEndpoint({ EndpointConfigName: OLD_CONFIG }))
    runtime.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('[]') as never })

    expect(await deployModel(deploy)).toBe(1)

    const text = out.text()
    expect(text).toContain('no changes: sagepack-iris-staging already runs this bundle')
    expect(text).toContain(`it serves EndpointConfig ${OLD_CONFIG}, not ${NEW_CONFIG} that the stack made`)
    expect(text).toContain(`  its rollback alarms: ${ALARMS.join(', ')}`)
    expect(text).not.toContain('reason:')
    expect(runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it('refuses to make an instance-based stage serverless before uploading or changing anything', async () => {
    const { deploy, store } = options({
      env: { ...ENV, IRIS_DEPLOY_STAGING_SERVERLESS_MEMORY_SIZE_IN_MB: '2048' },
    })
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', OLD_CONFIG))
    sagemaker.on(DescribeEndpointCommand).resolves(liveEndpoint({ EndpointConfigName: OLD_CONFIG }))

    const refused = deployModel(deploy)
    await expect(refused).rejects.toThrow(UserError)
    await expect(refused).rejects.toThrow(
      'would turn endpoint iris-staging, which runs on instances, into a serverless endpoint; SageMaker cannot update an instance-based endpoint to a serverless one',
    )
    await expect(refused).rejects.toThrow(`aws cloudformation delete-stack --stack-name ${STACK}`)
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
    expect(cfn.commandCalls(DescribeStacksCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK },
    ])
    expect(describedEndpoints()).toEqual([{ EndpointName: ENDPOINT }])
    expect(await store.head(bundleKey('iris', sha256))).toBeUndefined()
  })

  it('moves a serverless stage to instances, saying that SageMaker cannot move it back', async () => {
    const { deploy, out } = options()
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', OLD_CONFIG))
    sagemaker.on(DescribeEndpointCommand).resolves(serverlessEndpoint())
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs-6' })
    // Stops after the change set: that it was created is what matters here.
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'FAILED', StatusReason: 'stopped by the test' })

    expect(await deployModel(deploy)).toBe(1)

    expect(out.text()).toContain(
      `note: iris-staging is serverless and this deploy moves it to instances; SageMaker cannot update it back to serverless (only deleting ${STACK} can)`,
    )
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(1)
  })

  it('a dry run prints the parameters and the template and makes no AWS call', async () => {
    const { deploy, out } = options({
      env: {},
      stage: 'dev',
      clients: () => {
        throw new Error('a dry run must not create AWS clients')
      },
      openStore: () => {
        throw new Error('a dry run must not open the artifact store')
      },
      dryRun: true,
    })
    expect(await deployModel(deploy)).toBe(0)
    const text = out.text()
    expect(text).toContain('dry run: no AWS calls. Stack sagepack-iris-dev')
    expect(text).toContain(
      `ModelDataUrl = s3://<sagepack-platform output ArtifactBucketName>/iris/${sha256}/model.tar.gz`,
    )
    expect(text).toContain('ServerlessMemorySizeInMB = 2048')
    expect(text).toContain(template)
    expect(cfn.calls()).toHaveLength(0)
  })
})
