import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { defineModelConfig } from '../config/define-model-config'
import fixtureConfig from './test-fixtures/fixture-config'
import { buildTrainingJobSpec, configToHyperparameters, trainingJobName } from './training-job-spec'

describe('buildTrainingJobSpec', () => {
  it('builds the whole CreateTrainingJob request from the resolved config', () => {
    const spec = buildTrainingJobSpec({
      definition: fixtureConfig,
      config: { epochs: 4, mode: 'ok', channels: { train: 'data.csv' } },
      runId: '20261123-101500-ab12',
      channels: { train: { uri: 's3://bucket/iris/train/', contentType: 'text/csv' } },
      outputUri: 's3://bucket/runs/fixture/',
      checkpointUri: 's3://bucket/checkpoints/fixture/',
      image: '123.dkr.ecr.eu-west-1.amazonaws.com/sagepack-runtime:1',
      roleArn: 'arn:aws:iam::123:role/sagemaker',
      instanceType: 'ml.g5.xlarge',
      maxRuntimeSeconds: 3600,
      spot: { maxWaitSeconds: 7200 },
      metricDefinitions: [{ Name: 'train_loss', Regex: 'train_loss=(\\S+)' }],
    })
    expect(spec).toEqual({
      TrainingJobName: 'fixture-20261123-101500-ab12',
      RoleArn: 'arn:aws:iam::123:role/sagemaker',
      AlgorithmSpecification: {
        TrainingImage: '123.dkr.ecr.eu-west-1.amazonaws.com/sagepack-runtime:1',
        TrainingInputMode: 'File',
        MetricDefinitions: [{ Name: 'train_loss', Regex: 'train_loss=(\\S+)' }],
      },
      HyperParameters: {
        sagepack_model: '"fixture"',
        epochs: '4',
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
              S3Uri: 's3://bucket/iris/train/',
              S3DataDistributionType: 'FullyReplicated',
            },
          },
        },
      ],
      OutputDataConfig: { S3OutputPath: 's3://bucket/runs/fixture/' },
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      EnableManagedSpotTraining: true,
      CheckpointConfig: { S3Uri: 's3://bucket/checkpoints/fixture/', LocalPath: '/opt/ml/checkpoints' },
      Tags: [
        { Key: 'sagepack:model', Value: 'fixture' },
        { Key: 'sagepack:run', Value: '20261123-101500-ab12' },
      ],
    })
  })

  it('makes job names SageMaker accepts', () => {
    expect(trainingJobName('iris', '20261123-101500-ab12')).toBe('iris-20261123-101500-ab12')
    expect(trainingJobName('a', `x_${'y'.repeat(80)}`)).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/)
  })

  it('keeps the run id whole for the longest model name, so two runs and two models never share a job', () => {
    // 55 characters: the most new-model and model-endpoint.yaml's ModelName allow.
    const longest = `${'churn-model-'.repeat(4)}abcdefg`
    const twin = `${'churn-model-'.repeat(4)}abcdefh`
    expect(longest).toHaveLength(55)
    const runs = ['20261123-164512-3fa2', '20261123-164512-9c01']
    const names = [
      ...runs.map((run) => trainingJobName(longest, run)),
      trainingJobName(twin, runs[0] as string),
    ]
    expect(new Set(names).size).toBe(3)
    for (const [i, name] of names.entries()) {
      expect(name).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/)
      expect(name.length).toBeLessThanOrEqual(63)
      expect(name.endsWith(`-${runs[i === 2 ? 0 : i]}`)).toBe(true)
    }
    // Readable: the model's name as far as it fits, then 6 hex digits of its hash, then the run id.
    expect(names[0]).toMatch(/^churn-model-churn-model-churn-model-[0-9a-f]{6}-20261123-164512-3fa2$/)
    expect(names[0]).toHaveLength(63)
  })

  it('refuses a config value too long for a hyperparameter, naming the key', () => {
    const big = defineModelConfig('big', { vocab: { doc: 'words', format: Array, default: [] as string[] } })
    expect(() =>
      configToHyperparameters(big, { vocab: Array.from({ length: 600 }, (_, i) => `word${i}`) }),
    ).toThrow(UserError)
    expect(() => configToHyperparameters(big, { vocab: ['a'] })).not.toThrow()
  })
})
