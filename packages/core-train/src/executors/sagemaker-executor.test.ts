import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { type ArtifactStore, UserError } from '@sagepack/core-data'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import type { TrainingJobSpec } from '../contract/training-job-spec'
import { keepMocksToThisFile } from '../testing/aws-client-mocks'
import { s3RootedFileStore } from '../testing/s3-rooted-file-store'
import { runLocalTraining } from './local-executor'
import { prepareTrainingJob } from './prepare-training-job'
import { runSageMakerTraining, type SageMakerTrainingOptions } from './sagemaker-executor'
import { fixtureWorkspace } from './test-fixtures/fixture-workspace'
import { extractWithTar, tarGz } from './test-fixtures/job-archives'

const sagemaker = mockClient(SageMakerClient)
keepMocksToThisFile(sagemaker)

const ROOT = 's3://artifacts/team/'
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sagepack-runtime:1.0-gpu'
const ROLE = 'arn:aws:iam::123456789012:role/sagepack-execution'
const JOB_ARN = (name: string) => `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${name}`
const TRAIN_LOSS_REGEX = '(?:^|\\s)train_loss=(NaN|-?Infinity|-?[0-9]+(?:\\.[0-9]+)?(?:e[-+][0-9]+)?)'
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))

async function prepared() {
  const workspaceRoot = fixtureWorkspace()
  const job = await prepareTrainingJob({ workspaceRoot, model: 'fixture', env: {} })
  const codeFile = join(mkdtempSync(join(tmpdir(), 'sagepack-code-')), 'train.mjs')
  writeFileSync(codeFile, '// bundled training code\nexport default {}\n')
  return { workspaceRoot, job, codeFile }
}

function execute(
  setup: Awaited<ReturnType<typeof prepared>>,
  store: ArtifactStore,
  overrides: Partial<SageMakerTrainingOptions> = {},
) {
  const printed: string[] = []
  const result = runSageMakerTraining({
    workspaceRoot: setup.workspaceRoot,
    job: setup.job,
    placement: { image: IMAGE, roleArn: ROLE, instanceType: 'ml.g5.xlarge' },
    codeFile: setup.codeFile,
    store,
    sagemaker: new SageMakerClient({ region: 'eu-west-1' }),
    extractArchive: extractWithTar,
    pollIntervalMs: 0,
    print: (line) => printed.push(line),
    ...overrides,
  })
  return { result, printed }
}

/** The channel that carries the bundled training code, under the run's S3 prefix. */
const codeChannel = (prefix: string) => ({
  ChannelName: 'code',
  InputMode: 'File' as const,
  DataSource: {
    S3DataSource: {
      S3DataType: 'S3Prefix' as const,
      S3Uri: `${prefix}code/`,
      S3DataDistributionType: 'FullyReplicated' as const,
    },
  },
})

/** The whole CreateTrainingJob request for the fixture model's run `runId` on ml.g5.xlarge. */
function expectedRequest(runId: string): TrainingJobSpec {
  const prefix = `${ROOT}training/fixture/${runId}/`
  return {
    TrainingJobName: `fixture-${runId}`,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: IMAGE,
      TrainingInputMode: 'File',
      MetricDefinitions: [{ Name: 'train_loss', Regex: TRAIN_LOSS_REGEX }],
    },
    HyperParameters: {
      sagepack_model: '"fixture"',
      epochs: '3',
      mode: '"ok"',
      'channels.train': '"data.csv"',
    },
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
      codeChannel(prefix),
    ],
    OutputDataConfig: { S3OutputPath: `${prefix}output/` },
    ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 86400 },
    EnableManagedSpotTraining: false,
    Tags: [
      { Key: 'sagepack:model', Value: 'fixture' },
      { Key: 'sagepack:run', Value: runId },
    ],
    CheckpointConfig: { S3Uri: `${prefix}checkpoints/`, LocalPath: '/opt/ml/checkpoints' },
  }
}

/** Every SageMaker call in order, as [command, whole input]. */
function sentCalls() {
  return sagemaker.calls().map((call) => {
    const command = call.args[0] as { constructor: { name: string }; input: unknown }
    return [command.constructor.name, command.input]
  })
}

const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, second))

function describing(name: string, responses: DescribeTrainingJobResponse[]) {
  sagemaker.on(CreateTrainingJobCommand).resolves({ TrainingJobArn: JOB_ARN(name) })
  let describe = sagemaker.on(DescribeTrainingJobCommand)
  for (const response of responses) describe = describe.resolvesOnce(response)
}

function describeResponse(
  name: string,
  status: DescribeTrainingJobResponse['TrainingJobStatus'],
  transitions: Array<[string, number, string]>,
  extra: Partial<DescribeTrainingJobResponse> = {},
): DescribeTrainingJobResponse {
  return {
    TrainingJobName: name,
    TrainingJobArn: JOB_ARN(name),
    TrainingJobStatus: status,
    SecondaryStatus: transitions.at(-1)?.[0] as DescribeTrainingJobResponse['SecondaryStatus'],
    SecondaryStatusTransitions: transitions.map(([Status, second, StatusMessage]) => ({
      Status: Status as DescribeTrainingJobResponse['SecondaryStatus'],
      StartTime: at(second),
      StatusMessage,
    })),
    ...extra,
  } as DescribeTrainingJobResponse
}

describe('runSageMakerTraining', () => {
  it('uploads inputs and code, sends the job, follows it and brings its model and outputs into the run', async () => {
    const setup = await prepared()
    const { runId, runDir } = setup.job
    const name = `fixture-${runId}`
    const output = `training/fixture/${runId}/output/${name}/output/`
    const store = s3RootedFileStore(ROOT)
    // What SageMaker leaves in S3 when the job completes.
    await store.putFile(`${output}model.tar.gz`, await tarGz({ 'weights.bin': 'w', 'model.json': '{}' }))
    await store.putFile(
      `${output}output.tar.gz`,
      await tarGz({
        'metrics.json': '{"test":{"accuracy":0.97}}',
        'config.json': '{"epochs":3}',
        'results/test.csv': 'y\n1\n',
      }),
    )
    const starting: Array<[string, number, string]> = [['Starting', 0, 'Launching requested ML instances']]
    const training: Array<[string, number, string]> = [
      ...starting,
      ['Downloading', 60, 'Downloading input data'],
      ['Training', 90, 'Training image download completed. Training in progress.'],
    ]
    const completed: Array<[string, number, string]> = [
      ...training,
      ['Uploading', 150, 'Uploading generated training model'],
      ['Completed', 160, 'Training job completed'],
    ]
    describing(name, [
      describeResponse(name, 'InProgress', starting),
      describeResponse(name, 'InProgress', training),
      describeResponse(name, 'InProgress', training),
      describeResponse(name, 'Completed', completed, {
        ModelArtifacts: { S3ModelArtifacts: `${ROOT}${output}model.tar.gz` },
        TrainingTimeInSeconds: 100,
        BillableTimeInSeconds: 100,
      }),
    ])

    const { result, printed } = execute(setup, store)
    const done = await result

    expect(done).toMatchObject({ runId, runDir, trainingJobName: name, status: 'completed', exitCode: 0 })
    const describeInput = { TrainingJobName: name }
    expect(sentCalls()).toEqual([
      ['CreateTrainingJobCommand', expectedRequest(runId)],
      ['DescribeTrainingJobCommand', describeInput],
      ['DescribeTrainingJobCommand', describeInput],
      ['DescribeTrainingJobCommand', describeInput],
      ['DescribeTrainingJobCommand', describeInput],
    ])
    // The inputs SageMaker reads: the channel's file and the code, under the run's prefix.
    const keys = (await store.list('')).map((object) => object.key)
    expect(keys.filter((key) => !key.includes('/output/')).sort()).toEqual([
      `training/fixture/${runId}/code/train.mjs`,
      `training/fixture/${runId}/input/train/data.csv`,
    ])
    const stored = (key: string) => readFileSync(join(store.dir, key), 'utf8')
    expect(stored(`training/fixture/${runId}/input/train/data.csv`)).toBe('x,y\n1,2\n')
    expect(stored(`training/fixture/${runId}/code/train.mjs`)).toContain('bundled training code')
    // The run reads like a local one: model/, the output data at the top, job.json, run.json.
    expect(readFileSync(join(runDir, 'model', 'weights.bin'), 'utf8')).toBe('w')
    expect(readJson(join(runDir, 'metrics.json'))).toEqual({ test: { accuracy: 0.97 } })
    expect(readJson(join(runDir, 'config.json'))).toEqual({ epochs: 3 })
    expect(readFileSync(join(runDir, 'results', 'test.csv'), 'utf8')).toBe('y\n1\n')
    expect(existsSync(join(runDir, '.downloads'))).toBe(false)
    expect(readJson(join(runDir, 'job.json'))).toEqual(expectedRequest(runId))
    expect(readJson(join(runDir, 'run.json'))).toMatchObject({
      id: runId,
      model: 'fixture',
      executor: 'sagemaker',
      status: 'completed',
      exitCode: 0,
      trainingJobName: name,
      trainingJobArn: JOB_ARN(name),
    })
    // Each status and transition once, in order, with its message.
    const progress = printed.filter((line) => /^(TrainingJobStatus| {2}\d)/.test(line))
    expect(progress).toEqual([
      'TrainingJobStatus InProgress',
      '  12:00:00  Starting              Launching requested ML instances',
      '  12:01:00  Downloading           Downloading input data',
      '  12:01:30  Training              Training image download completed. Training in progress.',
      '  12:02:30  Uploading             Uploading generated training model',
      '  12:02:40  Completed             Training job completed',
      'TrainingJobStatus Completed',
    ])
  })

  it('reports a failed job: FailureReason printed, recorded in run.json, non-zero exit', async () => {
    const setup = await prepared()
    const { runId, runDir } = setup.job
    const name = `fixture-${runId}`
    const store = s3RootedFileStore(ROOT)
    const reason = 'AlgorithmError: model.hiddenUnits=[0]: 0 is not a layer size\nat build-mlp.ts'
    describing(name, [
      describeResponse(name, 'InProgress', [['Training', 5, 'Training in progress.']]),
      describeResponse(name, 'Failed', [['Failed', 9, 'Training job failed']], { FailureReason: reason }),
    ])

    const { result, printed } = execute(setup, store)
    const done = await result

    expect(done).toMatchObject({ status: 'failed', exitCode: 1, failureReason: reason })
    expect(sentCalls()).toEqual([
      ['CreateTrainingJobCommand', expectedRequest(runId)],
      ['DescribeTrainingJobCommand', { TrainingJobName: name }],
      ['DescribeTrainingJobCommand', { TrainingJobName: name }],
    ])
    expect(printed).toContain(`FailureReason: ${reason}`)
    expect(printed).toContain('TrainingJobStatus Failed')
    expect(readJson(join(runDir, 'run.json'))).toMatchObject({
      executor: 'sagemaker',
      status: 'failed',
      exitCode: 1,
      failure: 'AlgorithmError: model.hiddenUnits=[0]: 0 is not a layer size',
    })
    expect(readFileSync(join(runDir, 'output', 'failure'), 'utf8')).toBe(`${reason}\n`)
    expect(existsSync(join(runDir, 'model'))).toBe(false)
  })

  it('sends spot settings, instance count and max runtime when asked', async () => {
    const setup = await prepared()
    const { runId } = setup.job
    const name = `fixture-${runId}`
    describing(name, [describeResponse(name, 'Stopped', [['MaxWaitTimeExceeded', 3, 'no spot capacity']])])

    const { result } = execute(setup, s3RootedFileStore(ROOT), {
      placement: {
        image: IMAGE,
        roleArn: ROLE,
        instanceType: 'ml.g5.xlarge',
        instanceCount: 2,
        maxRuntimeSeconds: 3600,
        spot: true,
      },
    })
    const done = await result

    expect(done).toMatchObject({ status: 'stopped', exitCode: 143, failureReason: 'training job stopped' })
    expect(sentCalls()).toEqual([
      [
        'CreateTrainingJobCommand',
        {
          ...expectedRequest(runId),
          ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 2, VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
          EnableManagedSpotTraining: true,
        },
      ],
      ['DescribeTrainingJobCommand', { TrainingJobName: name }],
    ])
  })

  it('refuses a store outside S3 before any upload or SageMaker call, with the fix', async () => {
    const setup = await prepared()
    const store = s3RootedFileStore('file:///tmp/store/')
    const { result } = execute(setup, store)
    const error = await result.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toContain('set SAGEPACK_ARTIFACT_STORE=s3://<bucket>/')
    expect((error as Error).message).toContain('platform stack')
    expect(sagemaker.calls()).toHaveLength(0)
    expect(await store.list('')).toEqual([])
  })

  it('records a refused CreateTrainingJob in run.json and says what to fix', async () => {
    const setup = await prepared()
    sagemaker.on(CreateTrainingJobCommand).rejects(
      Object.assign(
        new Error("The account-level service limit 'ml.g5.xlarge for training job usage' is 0 Instances"),
        {
          name: 'ResourceLimitExceeded',
        },
      ),
    )
    const { result } = execute(setup, s3RootedFileStore(ROOT))
    await expect(result).rejects.toThrow(/request a quota increase/)
    expect(readJson(join(setup.job.runDir, 'run.json'))).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('ResourceLimitExceeded'),
    })
  })
})

describe('one job spec for both executors', () => {
  it('the local job.json and CreateTrainingJob differ only in where the job runs and reads', async () => {
    const setup = await prepared()
    const { runId } = setup.job
    const name = `fixture-${runId}`

    // The local executor runs the prepared spec for real and writes it to job.json.
    const out = new PassThrough().resume()
    const local = await runLocalTraining({
      workspaceRoot: setup.workspaceRoot,
      model: 'fixture',
      trainEntry: setup.job.folder.trainEntry,
      spec: setup.job.spec,
      runId,
      runDir: setup.job.runDir,
      stdout: out,
      stderr: out,
    })
    expect(local.status).toBe('completed')
    const localJob = readJson(join(setup.job.runDir, 'job.json'))

    // The SageMaker executor starts from the same prepared job (its own folder, so neither run's files mix).
    const remoteDir = mkdtempSync(join(tmpdir(), 'sagepack-remote-run-'))
    describing(name, [describeResponse(name, 'Failed', [], { FailureReason: 'not needed here' })])
    await execute({ ...setup, job: { ...setup.job, runDir: remoteDir } }, s3RootedFileStore(ROOT)).result
    const sent = sagemaker.commandCalls(CreateTrainingJobCommand)[0]?.args[0].input as TrainingJobSpec

    const prefix = `${ROOT}training/fixture/${runId}/`
    const [localTrain, ...otherLocal] = localJob.InputDataConfig
    expect(otherLocal).toEqual([])
    expect(localTrain.DataSource.S3DataSource.S3Uri).toMatch(/^file:\/\/.*\/models\/fixture\/data\.csv$/)
    expect(sent).toEqual({
      ...localJob,
      // Where: the image, the role, the instances, the S3 locations, the checkpoints and the code channel.
      RoleArn: ROLE,
      AlgorithmSpecification: { ...localJob.AlgorithmSpecification, TrainingImage: IMAGE },
      InputDataConfig: [
        {
          ...localTrain,
          DataSource: {
            S3DataSource: { ...localTrain.DataSource.S3DataSource, S3Uri: `${prefix}input/train/` },
          },
        },
        codeChannel(prefix),
      ],
      OutputDataConfig: { S3OutputPath: `${prefix}output/` },
      ResourceConfig: { ...localJob.ResourceConfig, InstanceType: 'ml.g5.xlarge' },
      CheckpointConfig: { S3Uri: `${prefix}checkpoints/`, LocalPath: '/opt/ml/checkpoints' },
    })
    // And what is not "where" is literally the same: name, hyperparameters, metrics, stopping, tags.
    for (const key of [
      'TrainingJobName',
      'HyperParameters',
      'StoppingCondition',
      'EnableManagedSpotTraining',
      'Tags',
    ] as const) {
      expect(sent[key], key).toEqual(localJob[key])
    }
    expect(sent.AlgorithmSpecification?.MetricDefinitions).toEqual(
      localJob.AlgorithmSpecification.MetricDefinitions,
    )
  })
})
