// `sagepack train`'s executor options, checked before anything runs: where to train, and the
// SageMaker-only settings (which make no sense for a local run, so they are refused there).
import { UserError } from '@sagepack/core-data'

const EXECUTORS = ['local', 'sagemaker'] as const

export const DEFAULT_TRAINING_INSTANCE_TYPE = 'ml.m5.xlarge'

interface ExecutorFlags {
  on: string
  instanceType?: string
  instanceCount?: string
  spot?: boolean
  maxRuntime?: string
  resume?: string
}

export type ExecutorChoice =
  | { executor: 'local' }
  | {
      executor: 'sagemaker'
      instanceType: string
      instanceCount: number
      spot: boolean
      maxRuntimeSeconds?: number
    }

export function parseExecutorFlags(flags: ExecutorFlags): ExecutorChoice {
  if (!(EXECUTORS as readonly string[]).includes(flags.on)) {
    throw new UserError({
      input: `--on ${flags.on}`,
      problem: 'is not a place sagepack can train',
      expected: EXECUTORS.join(' or '),
      fix: 'use --on local (the default: this machine) or --on sagemaker (a SageMaker training job)',
    })
  }
  const sagemakerOnly = [
    flags.instanceType !== undefined && '--instance-type',
    flags.instanceCount !== undefined && '--instance-count',
    flags.spot && '--spot',
    flags.maxRuntime !== undefined && '--max-runtime',
  ].filter((flag): flag is string => typeof flag === 'string')
  if (flags.on === 'local') {
    if (sagemakerOnly.length > 0) {
      throw new UserError({
        input: sagemakerOnly.join(', '),
        problem: 'only apply to a SageMaker training job',
        fix: `add --on sagemaker, or leave ${sagemakerOnly.join(', ')} out to train on this machine`,
      })
    }
    return { executor: 'local' }
  }
  if (flags.resume !== undefined) {
    throw new UserError({
      input: `--resume ${flags.resume}`,
      problem: 'resumes a local run from its checkpoints; a SageMaker job resumes by itself',
      expected: 'no --resume with --on sagemaker',
      fix: 'leave --resume out: a SageMaker job keeps its checkpoints in S3 and spot jobs resume from them',
    })
  }
  const instanceType = flags.instanceType ?? DEFAULT_TRAINING_INSTANCE_TYPE
  if (!/^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(instanceType)) {
    throw new UserError({
      input: `--instance-type ${instanceType}`,
      problem: 'is not a SageMaker instance type',
      expected: 'a type such as ml.m5.xlarge (CPU) or ml.g5.xlarge (GPU)',
    })
  }
  const maxRuntimeSeconds =
    flags.maxRuntime === undefined ? undefined : positiveInteger('--max-runtime', flags.maxRuntime, 'seconds')
  return {
    executor: 'sagemaker',
    instanceType,
    instanceCount:
      flags.instanceCount === undefined
        ? 1
        : positiveInteger('--instance-count', flags.instanceCount, 'instances'),
    spot: Boolean(flags.spot),
    ...(maxRuntimeSeconds !== undefined ? { maxRuntimeSeconds } : {}),
  }
}

function positiveInteger(flag: string, value: string, unit: string): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new UserError({
      input: `${flag} ${value}`,
      problem: 'is not a positive whole number',
      expected: `a number of ${unit}, e.g. ${flag} ${flag === '--max-runtime' ? '7200' : '2'}`,
    })
  }
  return number
}
