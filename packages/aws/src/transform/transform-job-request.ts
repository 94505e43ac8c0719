// The CreateModel and CreateTransformJob requests of a batch transform, built from the model's
// config (its `transform` section) and where the platform keeps things. Pure: no AWS call here.
import type {
  CreateModelInput,
  CreateTransformJobRequest,
  TransformInstanceType,
} from '@aws-sdk/client-sagemaker'
import type { DeploymentSettings } from '@sagepack/core-train'

/** The line-based formats Batch Transform can split (SplitType Line) and reassemble (AssembleWith Line). */
export const TRANSFORM_CONTENT_TYPES = ['text/csv', 'application/jsonlines'] as const
export type TransformContentType = (typeof TRANSFORM_CONTENT_TYPES)[number]

export interface TransformPlan {
  model: string
  bundleSha256: string
  /** The run the bundle was built from (its manifest's runId). */
  runId: string
  modelName: string
  jobName: string
  modelDataUrl: string
  image: string
  executionRoleArn: string
  input: string
  output: string
  contentType: TransformContentType
  settings: DeploymentSettings['transform']
}

export function createModelRequest(plan: TransformPlan): CreateModelInput {
  return {
    ModelName: plan.modelName,
    PrimaryContainer: {
      Image: plan.image,
      ModelDataUrl: plan.modelDataUrl,
      // The runtime's request limit must match what Batch Transform sends it.
      Environment: { SAGEMAKER_MAX_PAYLOAD_IN_MB: String(plan.settings.maxPayloadInMB) },
    },
    ExecutionRoleArn: plan.executionRoleArn,
    Tags: tags(plan),
  }
}

export function createTransformJobRequest(plan: TransformPlan): CreateTransformJobRequest {
  return {
    TransformJobName: plan.jobName,
    ModelName: plan.modelName,
    // Many lines per request, split on line boundaries: what the runtime's CSV/JSONL codecs read.
    BatchStrategy: 'MultiRecord',
    MaxPayloadInMB: plan.settings.maxPayloadInMB,
    MaxConcurrentTransforms: plan.settings.maxConcurrentTransforms,
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: plan.input } },
      ContentType: plan.contentType,
      SplitType: 'Line',
      CompressionType: 'None',
    },
    // Answers in the request's format, one line per record, so AssembleWith Line keeps one output line per input line.
    TransformOutput: { S3OutputPath: plan.output, Accept: plan.contentType, AssembleWith: 'Line' },
    TransformResources: {
      InstanceType: plan.settings.instanceType as TransformInstanceType,
      InstanceCount: plan.settings.instanceCount,
    },
    Tags: tags(plan),
  }
}

function tags(plan: TransformPlan) {
  return [
    { Key: 'sagepack:model', Value: plan.model },
    { Key: 'sagepack:run', Value: plan.runId },
    { Key: 'sagepack:bundle-digest', Value: plan.bundleSha256 },
  ]
}
