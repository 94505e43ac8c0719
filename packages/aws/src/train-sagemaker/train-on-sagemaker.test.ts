// `train --on sagemaker` wired end to end for a real model (iris): the platform from its stack, the
// training code built, the data channel and code uploaded, the job sent and followed, and its
// archives unpacked into the run. SageMaker and CloudFormation are mocked; the store is real files.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import {
  configToHyperparameters,
  loadTrainEntry,
  metricDefinitions,
  resolveConfig,
} from '@sagepack/core-train'
import { keepMocksToThisFile, s3RootedFileStore } from '@sagepack/core-train/testing'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { mockClient } from 'aws-sdk-client-mock'
import { create } from 'tar'
import { describe, expect, it } from 'vitest'
import { trainOnSageMaker } from './train-on-sagemaker'

const sagemaker = mockClient(SageMakerClient)
const cloudformation = mockClient(CloudFormationClient)
keepMocksToThisFile(sagemaker, cloudformation)
const workspaceRoot = findWorkspaceRoot()
const REPOSITORY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-runtime'
const ROLE = 'arn:aws:iam::123456789012:role/sagepack-execution'

async function tarGz(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-job-archive-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'content', path, '..'), { recursive: true })
    writeFileSync(join(dir, 'content', path), text)
  }
  await create({ gzip: true, file: join(dir, 'archive.tar.gz'), cwd: join(dir, 'content') }, ['.'])
  return join(dir, 'archive.tar.gz')
}

describe('trainOnSageMaker', () => {
  it('resolves the platform, builds and uploads the code, runs the job and unpacks its results', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const store = s3RootedFileStore('s3://sagepack-artifacts-123/')
    cloudformation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'sagepack-platform',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date(0),
          Outputs: [
            { OutputKey: 'ArtifactBucketName', OutputValue: 'sagepack-artifacts-123' },
            { OutputKey: 'RuntimeImageRepositoryUri', OutputValue: REPOSITORY },
            { OutputKey: 'ExecutionRoleArn', OutputValue: ROLE },
          ],
        },
      ],
    })
    // SageMaker's answers; the job's archives are put in the store when it "completes".
    sagemaker
      .on(CreateTrainingJobCommand)
      .callsFake(async (input: { TrainingJobName: string; OutputDataConfig: { S3OutputPath: string } }) => {
        const output = `${input.OutputDataConfig.S3OutputPath.slice(store.root.length)}${input.TrainingJobName}/output/`
        await store.putFile(
          `${output}model.tar.gz`,
          await tarGz({ 'model.onnx': 'onnx', 'preprocessor.json': '{}' }),
        )
        await store.putFile(
          `${output}output.tar.gz`,
          await tarGz({ 'metrics.json': '{"test":{"accuracy":0.96}}' }),
        )
        return {
          TrainingJobArn: `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${input.TrainingJobName}`,
        }
      })
    sagemaker.on(DescribeTrainingJobCommand).callsFake(async (input: { TrainingJobName: string }) => ({
      TrainingJobName: input.TrainingJobName,
      TrainingJobStatus: 'Completed',
      SecondaryStatusTransitions: [],
      ModelArtifacts: {
        S3ModelArtifacts: `${store.root}training/iris/${input.TrainingJobName.slice('iris-'.length)}/output/${input.TrainingJobName}/output/model.tar.gz`,
      },
    }))
    const printed: string[] = []

    const result = await trainOnSageMaker({
      workspaceRoot,
      model: 'iris',
      sets: ['train.epochs=7'],
      runsRoot,
      instanceType: 'ml.g5.xlarge',
      spot: true,
      env: { SAGEPACK_IMAGE_TAG: 'abc123' },
      print: (line) => printed.push(line),
      clients: () => ({ cloudformation: new CloudFormationClient({}), sagemaker: new SageMakerClient({}) }),
      openStore: (uri) => {
        expect(uri).toBe('s3://sagepack-artifacts-123/')
        return store
      },
      pollIntervalMs: 0,
    })

    expect(result).toMatchObject({ status: 'completed', exitCode: 0 })
    const { runId, runDir } = result
    const folder = locateModel(workspaceRoot, 'iris')
    const entry = await loadTrainEntry(folder)
    const config = resolveConfig(entry.config, {
      configFile: folder.configFile,
      env: {},
      sets: ['train.epochs=7'],
    }).values
    const prefix = `${store.root}training/iris/${runId}/`
    expect(cloudformation.calls().map((call) => call.args[0].input)).toEqual([
      { StackName: 'sagepack-platform' },
    ])
    expect(sagemaker.calls().map((call) => [call.args[0].constructor.name, call.args[0].input])).toEqual([
      [
        'CreateTrainingJobCommand',
        {
          TrainingJobName: `iris-${runId}`,
          RoleArn: ROLE,
          AlgorithmSpecification: {
            // A GPU instance type gets the GPU variant of the runtime image.
            TrainingImage: `${REPOSITORY}:abc123-gpu`,
            TrainingInputMode: 'File',
            MetricDefinitions: metricDefinitions([...(entry.metrics ?? [])]),
          },
          HyperParameters: configToHyperparameters(entry.config, config),
          InputDataConfig: [
            {
              ChannelName: 'train',
              ContentType: 'text/csv',
              InputMode: 'File',
              DataSource: {
                S3DataSource: {
                  S3DataType: 'S3Prefix',
                  S3Uri: `${prefix}input/train/`,
                  S3DataDistributionType: 'FullyReplicated',
                },
              },
            },
            {
              ChannelName: 'code',
              InputMode: 'File',
              DataSource: {
                S3DataSource: {
                  S3DataType: 'S3Prefix',
                  S3Uri: `${prefix}code/`,
                  S3DataDistributionType: 'FullyReplicated',
                },
              },
            },
          ],
          OutputDataConfig: { S3OutputPath: `${prefix}output/` },
          ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 86400, MaxWaitTimeInSeconds: 172800 },
          EnableManagedSpotTraining: true,
          CheckpointConfig: { S3Uri: `${prefix}checkpoints/`, LocalPath: '/opt/ml/checkpoints' },
          Tags: [
            { Key: 'sagepack:model', Value: 'iris' },
            { Key: 'sagepack:run', Value: runId },
          ],
        },
      ],
      ['DescribeTrainingJobCommand', { TrainingJobName: `iris-${runId}` }],
    ])
    expect(config).toMatchObject({ train: { epochs: 7 } })
    // The code channel holds the model's bundled train entry, also kept in the run.
    const code = readFileSync(join(store.dir, 'training', 'iris', runId, 'code', 'train.mjs'), 'utf8')
    expect(code).toMatch(/^\/\/ sagepack training code for model iris/)
    expect(readFileSync(join(runDir, 'code', 'train.mjs'), 'utf8')).toBe(code)
    expect(
      readFileSync(join(store.dir, 'training', 'iris', runId, 'input', 'train', 'iris.csv'), 'utf8'),
    ).toBe(readFileSync(join(folder.dir, 'data', 'iris.csv'), 'utf8'))
    // The run reads like a local one.
    expect(readFileSync(join(runDir, 'model', 'model.onnx'), 'utf8')).toBe('onnx')
    expect(JSON.parse(readFileSync(join(runDir, 'metrics.json'), 'utf8'))).toEqual({
      test: { accuracy: 0.96 },
    })
    expect(JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'))).toMatchObject({
      executor: 'sagemaker',
      status: 'completed',
      trainingJobName: `iris-${runId}`,
    })
    expect(printed.join('\n')).toContain(`training iris on SageMaker (${REPOSITORY}:abc123-gpu)`)
  }, 30_000)
})
