import { describe, expect, it } from 'vitest'
import { imageFor, type Platform } from './platform'

const platform: Platform = {
  artifactStore: 's3://bucket/',
  imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sagepack-runtime:abc123',
  executionRoleArn: 'arn:aws:iam::123456789012:role/sagepack-execution',
}

describe('imageFor', () => {
  it('gives NVIDIA GPU families the -gpu image and every other family the CPU one', () => {
    const gpu = ['ml.g4dn.xlarge', 'ml.g5.xlarge', 'ml.g6e.2xlarge', 'ml.p3.2xlarge', 'ml.p4d.24xlarge']
    const cpu = ['ml.m5.large', 'ml.c7i.xlarge', 'ml.inf2.xlarge', 'ml.trn1.2xlarge', 'ml.dl1.24xlarge']
    expect(gpu.map((type) => imageFor(platform, type))).toEqual(gpu.map(() => `${platform.imageUri}-gpu`))
    expect(cpu.map((type) => imageFor(platform, type))).toEqual(cpu.map(() => platform.imageUri))
  })

  it('never adds -gpu twice to an image already given as the GPU one', () => {
    expect(imageFor({ ...platform, imageUri: `${platform.imageUri}-gpu` }, 'ml.g5.xlarge')).toBe(
      `${platform.imageUri}-gpu`,
    )
  })
})
