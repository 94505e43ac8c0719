// The config sections every deployable model shares: how each stage's endpoint runs (instances or
// serverless, scaling bounds), how its model data is stored, and how Batch Transform splits work.
// A model spreads `deploymentSettings()` into its config so deploy and transform read one place, and
// a team changes its production instance count with a one-line PR to its own config.ts.
import type convict from 'convict'
import { positiveInteger } from './config-formats'

export const STAGES = ['dev', 'staging', 'prod'] as const
export type Stage = (typeof STAGES)[number]

export interface StageSettings {
  instanceType: string
  initialInstanceCount: number
  minInstanceCount: number
  maxInstanceCount: number
  targetInvocationsPerInstance: number
  /** 0: provisioned instances; 1024-6144: a serverless endpoint with that much memory. */
  serverlessMemorySizeInMB: number
  serverlessMaxConcurrency: number
}

export interface DeploymentSettings {
  deploy: {
    uncompressedModelData: boolean
    modelLatencyAlarmMicroseconds: number
  } & Record<Stage, StageSettings>
  transform: {
    instanceType: string
    instanceCount: number
    maxPayloadInMB: number
    maxConcurrentTransforms: number
  }
}

/** SageMaker serverless memory sizes (MemorySizeInMB); 0 means "use instances". */
const SERVERLESS_MEMORY = [0, 1024, 2048, 3072, 4096, 5120, 6144]

function serverlessMemory(value: unknown): void {
  if (!SERVERLESS_MEMORY.includes(value as number)) {
    throw new Error(`must be one of ${SERVERLESS_MEMORY.join(', ')} (0 = provisioned instances)`)
  }
}

function instanceType(value: unknown): void {
  if (typeof value !== 'string' || !/^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(value)) {
    throw new Error('must be a SageMaker instance type such as ml.m5.large')
  }
}

/** Batch Transform takes payloads of 0-100 MB per request (CreateTransformJob MaxPayloadInMB). */
function payloadMb(value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > 100) {
    throw new Error('must be a whole number of MB from 1 to 100')
  }
}

export type StageDefaults = Partial<Record<Stage, Partial<StageSettings>>>

const BASE_STAGES: Record<Stage, StageSettings> = {
  // A dev endpoint costs nothing while idle.
  dev: {
    instanceType: 'ml.m5.large',
    initialInstanceCount: 1,
    minInstanceCount: 1,
    maxInstanceCount: 1,
    targetInvocationsPerInstance: 1000,
    serverlessMemorySizeInMB: 2048,
    serverlessMaxConcurrency: 5,
  },
  staging: {
    instanceType: 'ml.m5.large',
    initialInstanceCount: 1,
    minInstanceCount: 1,
    maxInstanceCount: 2,
    targetInvocationsPerInstance: 1000,
    serverlessMemorySizeInMB: 0,
    serverlessMaxConcurrency: 5,
  },
  // Two instances so one AZ failure or a blue/green shift never drops traffic.
  prod: {
    instanceType: 'ml.m5.large',
    initialInstanceCount: 2,
    minInstanceCount: 2,
    maxInstanceCount: 6,
    targetInvocationsPerInstance: 1000,
    serverlessMemorySizeInMB: 0,
    serverlessMaxConcurrency: 5,
  },
}

function stageSchema(stage: Stage, defaults: StageSettings): convict.Schema<StageSettings> {
  return {
    instanceType: {
      doc: `${stage}: instance type of the endpoint`,
      format: instanceType,
      default: defaults.instanceType,
    },
    initialInstanceCount: {
      doc: `${stage}: instances when the endpoint is created`,
      format: positiveInteger,
      default: defaults.initialInstanceCount,
    },
    minInstanceCount: {
      doc: `${stage}: autoscaling lower bound`,
      format: positiveInteger,
      default: defaults.minInstanceCount,
    },
    maxInstanceCount: {
      doc: `${stage}: autoscaling upper bound`,
      format: positiveInteger,
      default: defaults.maxInstanceCount,
    },
    targetInvocationsPerInstance: {
      doc: `${stage}: invocations per instance per minute that autoscaling aims for`,
      format: positiveInteger,
      default: defaults.targetInvocationsPerInstance,
    },
    serverlessMemorySizeInMB: {
      doc: `${stage}: 0 for instances, else a serverless endpoint with this memory (1024-6144)`,
      format: serverlessMemory,
      default: defaults.serverlessMemorySizeInMB,
    },
    serverlessMaxConcurrency: {
      doc: `${stage}: concurrent invocations of a serverless endpoint`,
      format: positiveInteger,
      default: defaults.serverlessMaxConcurrency,
    },
  }
}

/** The `deploy` and `transform` sections of a model's config, with per-stage defaults to override. */
export function deploymentSettings(stages: StageDefaults = {}): convict.Schema<DeploymentSettings> {
  const stage = (name: Stage) => stageSchema(name, { ...BASE_STAGES[name], ...stages[name] })
  return {
    deploy: {
      uncompressedModelData: {
        doc: 'Serve the bundle as uncompressed files under an S3 prefix (large models start faster)',
        format: Boolean,
        default: false,
      },
      modelLatencyAlarmMicroseconds: {
        doc: 'Roll a deployment back when average model latency stays above this',
        format: positiveInteger,
        default: 500_000,
      },
      dev: stage('dev'),
      staging: stage('staging'),
      prod: stage('prod'),
    },
    transform: {
      instanceType: { doc: 'Batch Transform instance type', format: instanceType, default: 'ml.m5.large' },
      instanceCount: { doc: 'Batch Transform instances', format: positiveInteger, default: 1 },
      maxPayloadInMB: { doc: 'Largest request Batch Transform sends (MB)', format: payloadMb, default: 6 },
      maxConcurrentTransforms: {
        doc: 'Requests in flight per instance (the runtime answers one per worker thread)',
        format: positiveInteger,
        default: 2,
      },
    },
  } as convict.Schema<DeploymentSettings>
}
