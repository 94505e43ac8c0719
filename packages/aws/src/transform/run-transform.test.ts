// Batch transform against mocked SageMaker (the control plane no emulator offers) with a real bundle
// and real files behind the artifact store: the whole request of every SageMaker call is asserted.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import {
  CreateModelCommand,
  CreateTransformJobCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  DescribeTransformJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { sha256OfFile } from '@sagepack/core-data'
import { keepMocksToThisFile, s3RootedFileStore } from '@sagepack/core-train/testing'
import { findWorkspaceRoot, locateModel, type ModelFolder } from '@sagepack/core-train/workspace'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeAll, describe, expect, it } from 'vitest'
import { capturePrint, writeFixtureBundle } from '../deploy/deploy-model.fixture'
import { runTransform, type TransformOptions } from './run-transform'

const sagemaker = mockClient(SageMakerClient)
const cloudformation = mockClient(CloudFormationClient)
keepMocksToThisFile(sagemaker, cloudformation)
const workspaceRoot = findWorkspaceRoot()
const NOW = new Date('2026-11-23T16:45:12Z')
const JOB = 'sagepack-iris-20261123-164512'
const ENV = {
  SAGEPACK_ARTIFACT_STORE: 's3://ignored-by-the-injected-store/',
  SAGEPACK_IMAGE_URI: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sagepack-runtime:abc123',
  SAGEPACK_EXECUTION_ROLE_ARN: 'arn:aws:iam::123456789012:role/sagepack-execution',
}
const INPUT = 's3://my-data/iris/batch/'
const OUTPUT = 's3://my-data/iris/predictions/'

let folder: ModelFolder
let sha256: string

/** models/iris as it is (its config.ts), with the fixture bundle as its dist/model.tar.gz. */
beforeAll(async () => {
  const iris = locateModel(workspaceRoot, 'iris')
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-model-'))
  writeFileSync(join(dir, 'config.ts'), `export { default } from '${join(iris.dir, 'config.ts')}'\n`)
  mkdirSync(join(dir, 'dist'))
  const bundle = await writeFixtureBundle()
  copyFileSync(bundle, join(dir, 'dist', 'model.tar.gz'))
  sha256 = await sha256OfFile(bundle)
  folder = { ...iris, dir, configFile: join(dir, 'config.json') }
})

function transform(overrides: Partial<TransformOptions> = {}) {
  const out = capturePrint()
  const store = s3RootedFileStore('s3://artifacts/')
  const options: TransformOptions = {
    workspaceRoot,
    folder,
    input: INPUT,
    output: OUTPUT,
    env: ENV,
    print: out.print,
    clients: () => ({ cloudformation: new CloudFormationClient({}), sagemaker: new SageMakerClient({}) }),
    openStore: () => store,
    pollIntervalMs: 0,
    now: () => NOW,
    ...overrides,
  }
  return { result: runTransform(options), out, store }
}

/** Every SageMaker call in order, as [command, whole input]. */
function sentCalls() {
  return sagemaker.calls().map((call) => {
    const command = call.args[0] as { constructor: { name: string }; input: unknown }
    return [command.constructor.name, command.input]
  })
}

const modelName = () => `sagepack-iris-${sha256.slice(0, 12)}`
const modelDataUrl = () => `s3://artifacts/iris/${sha256}/model.tar.gz`
const tags = () => [
  { Key: 'sagepack:model', Value: 'iris' },
  { Key: 'sagepack:run', Value: 'r1' },
  { Key: 'sagepack:bundle-digest', Value: sha256 },
]
const container = (maxPayload = '6') => ({
  Image: ENV.SAGEPACK_IMAGE_URI,
  ModelDataUrl: modelDataUrl(),
  Environment: { SAGEMAKER_MAX_PAYLOAD_IN_MB: maxPayload },
})
const createModel = () => ({
  ModelName: modelName(),
  PrimaryContainer: container(),
  ExecutionRoleArn: ENV.SAGEPACK_EXECUTION_ROLE_ARN,
  Tags: tags(),
})
const createTransformJob = (contentType = 'text/csv') => ({
  TransformJobName: JOB,
  ModelName: modelName(),
  BatchStrategy: 'MultiRecord',
  MaxPayloadInMB: 6,
  MaxConcurrentTransforms: 2,
  TransformInput: {
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: INPUT } },
    ContentType: contentType,
    SplitType: 'Line',
    CompressionType: 'None',
  },
  TransformOutput: { S3OutputPath: OUTPUT, Accept: contentType, AssembleWith: 'Line' },
  TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
  Tags: tags(),
})
const notFound = () =>
  Object.assign(
    new Error(`Could not find model "arn:aws:sagemaker:us-east-1:123456789012:model/${modelName()}".`),
    {
      name: 'ValidationException',
    },
  )

describe('sagepack transform', () => {
  it('uploads the bundle, creates its model and the job from the config, and follows it to the end', async () => {
    sagemaker.on(DescribeModelCommand).rejects(notFound())
    sagemaker
      .on(CreateModelCommand)
      .resolves({ ModelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/${modelName()}` })
    sagemaker
      .on(CreateTransformJobCommand)
      .resolves({ TransformJobArn: `arn:aws:sagemaker:us-east-1:123456789012:transform-job/${JOB}` })
    sagemaker
      .on(DescribeTransformJobCommand)
      .resolvesOnce({ TransformJobName: JOB, TransformJobStatus: 'InProgress' })
      .resolvesOnce({ TransformJobName: JOB, TransformJobStatus: 'InProgress' })
      .resolvesOnce({ TransformJobName: JOB, TransformJobStatus: 'Completed' })

    const { result, out, store } = transform()
    expect(await result).toBe(0)

    expect(sentCalls()).toEqual([
      ['DescribeModelCommand', { ModelName: modelName() }],
      ['CreateModelCommand', createModel()],
      ['CreateTransformJobCommand', createTransformJob()],
      ['DescribeTransformJobCommand', { TransformJobName: JOB }],
      ['DescribeTransformJobCommand', { TransformJobName: JOB }],
      ['DescribeTransformJobCommand', { TransformJobName: JOB }],
    ])
    expect(cloudformation.calls()).toHaveLength(0)
    expect(await store.head(`iris/${sha256}/model.tar.gz`)).toMatchObject({ sha256 })
    expect(out.text()).toContain(`SageMaker model ${modelName()}: created`)
    expect(out.text()).toContain('TransformJobStatus InProgress\nTransformJobStatus Completed')
    expect(out.text()).toContain(`predictions written under ${OUTPUT}`)
  })

  it('reuses the model of the same bundle; --no-wait returns once the job is created', async () => {
    sagemaker.on(DescribeModelCommand).resolves({
      ModelName: modelName(),
      PrimaryContainer: container(),
      ExecutionRoleArn: ENV.SAGEPACK_EXECUTION_ROLE_ARN,
    })
    sagemaker.on(CreateTransformJobCommand).resolves({ TransformJobArn: 'arn' })

    const { result, out } = transform({ wait: false, contentType: 'application/jsonlines' })
    expect(await result).toBe(0)
    expect(sentCalls()).toEqual([
      ['DescribeModelCommand', { ModelName: modelName() }],
      ['CreateTransformJobCommand', createTransformJob('application/jsonlines')],
    ])
    expect(out.text()).toContain(`aws sagemaker describe-transform-job --transform-job-name ${JOB}`)
  })

  it('replaces a model of the same bundle made with other container settings', async () => {
    sagemaker.on(DescribeModelCommand).resolves({
      ModelName: modelName(),
      PrimaryContainer: container('20'),
      ExecutionRoleArn: ENV.SAGEPACK_EXECUTION_ROLE_ARN,
    })
    sagemaker.on(CreateTransformJobCommand).resolves({ TransformJobArn: 'arn' })

    const { result } = transform({ wait: false })
    expect(await result).toBe(0)
    expect(sentCalls()).toEqual([
      ['DescribeModelCommand', { ModelName: modelName() }],
      ['DeleteModelCommand', { ModelName: modelName() }],
      ['CreateModelCommand', createModel()],
      ['CreateTransformJobCommand', createTransformJob()],
    ])
    expect(sagemaker.commandCalls(DeleteModelCommand)).toHaveLength(1)
  })

  it('prints FailureReason and exits non-zero when the job fails', async () => {
    sagemaker.on(DescribeModelCommand).rejects(notFound())
    sagemaker.on(CreateModelCommand).resolves({ ModelArn: 'arn' })
    sagemaker.on(CreateTransformJobCommand).resolves({ TransformJobArn: 'arn' })
    const reason = 'ClientError: See job logs for more information'
    sagemaker
      .on(DescribeTransformJobCommand)
      .resolvesOnce({ TransformJobName: JOB, TransformJobStatus: 'InProgress' })
      .resolvesOnce({ TransformJobName: JOB, TransformJobStatus: 'Failed', FailureReason: reason })

    const { result, out } = transform()
    expect(await result).toBe(1)
    expect(sentCalls()).toEqual([
      ['DescribeModelCommand', { ModelName: modelName() }],
      ['CreateModelCommand', createModel()],
      ['CreateTransformJobCommand', createTransformJob()],
      ['DescribeTransformJobCommand', { TransformJobName: JOB }],
      ['DescribeTransformJobCommand', { TransformJobName: JOB }],
    ])
    expect(out.text()).toContain('TransformJobStatus Failed')
    expect(out.text()).toContain(`FailureReason: ${reason}`)
  })

  it('refuses bad input before any upload or AWS call', async () => {
    const refused = async (overrides: Partial<TransformOptions>, message: string) => {
      const { result, store } = transform(overrides)
      await expect(result).rejects.toThrow(message)
      expect(await store.list('')).toEqual([])
    }
    await refused({ input: '/data/batch.csv' }, '--input /data/batch.csv: is not an S3 location')
    await refused({ output: 'predictions/' }, '--output predictions/: is not an S3 location')
    await refused(
      { output: 's3://My_Bucket/out/' },
      '--output s3://My_Bucket/out/: "My_Bucket" is not a valid',
    )
    await refused({ contentType: 'application/json' }, '--content-type application/json: is not a format')
    await refused({ runId: 'r2' }, 'run pnpm bundle iris --run r2')
    await refused(
      { folder: { ...folder, dir: mkdtempSync(join(tmpdir(), 'no-bundle-')) } },
      'run pnpm bundle iris first',
    )
    expect(sagemaker.calls()).toHaveLength(0)
    expect(cloudformation.calls()).toHaveLength(0)
  })
})
