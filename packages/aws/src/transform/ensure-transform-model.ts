// The SageMaker model a batch transform runs: one per bundle digest, created on first use and reused
// after. SageMaker models cannot be changed, so one whose container no longer matches the config
// (another payload limit, image or role) is replaced.
import {
  type ContainerDefinition,
  CreateModelCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  type DescribeModelOutput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { createModelRequest, type TransformPlan } from './transform-job-request'

type ModelOutcome = 'created' | 'reused' | 'replaced'

export async function ensureTransformModel(
  sagemaker: Pick<SageMakerClient, 'send'>,
  plan: TransformPlan,
): Promise<ModelOutcome> {
  const request = createModelRequest(plan)
  const existing = await describeModel(sagemaker, plan.modelName)
  if (existing && sameContainer(existing, request.PrimaryContainer, request.ExecutionRoleArn)) return 'reused'
  if (existing) await sagemaker.send(new DeleteModelCommand({ ModelName: plan.modelName }))
  await sagemaker.send(new CreateModelCommand(request))
  return existing ? 'replaced' : 'created'
}

async function describeModel(
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
): Promise<DescribeModelOutput | undefined> {
  try {
    return await sagemaker.send(new DescribeModelCommand({ ModelName: name }))
  } catch (error) {
    // SageMaker answers a missing model with a ValidationException, not a 404.
    if (
      (error as Error).name === 'ValidationException' &&
      /could not find model/i.test((error as Error).message)
    ) {
      return undefined
    }
    throw error
  }
}

function sameContainer(
  existing: DescribeModelOutput,
  wanted: ContainerDefinition | undefined,
  roleArn: string | undefined,
): boolean {
  const container = existing.PrimaryContainer
  return (
    existing.ExecutionRoleArn === roleArn &&
    container?.Image === wanted?.Image &&
    container?.ModelDataUrl === wanted?.ModelDataUrl &&
    JSON.stringify(sortedEntries(container?.Environment)) ===
      JSON.stringify(sortedEntries(wanted?.Environment))
  )
}

function sortedEntries(record: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b))
}
