// Where a model goes on AWS: the artifact bucket, the runtime image and the execution role, as the
// platform stack (cloudformation/platform.yaml) exports them. Each can be set by an environment
// variable instead, which is how CI passes what it already knows and how a dry run works with no
// credentials.
import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { ARTIFACT_STORE_ENV, UserError } from '@sagepack/core-data'
import { runtimeImageTag } from './runtime-image-tag'

export const PLATFORM_STACK_ENV = 'SAGEPACK_PLATFORM_STACK'
export const DEFAULT_PLATFORM_STACK = 'sagepack-platform'
export const IMAGE_URI_ENV = 'SAGEPACK_IMAGE_URI'
export const EXECUTION_ROLE_ENV = 'SAGEPACK_EXECUTION_ROLE_ARN'

export interface Platform {
  /** `s3://bucket/`: bundles, training inputs and outputs. */
  artifactStore: string
  /** The runtime image for CPU instances, with its tag (see runtime-image-tag.ts). */
  imageUri: string
  executionRoleArn: string
}

type Env = Record<string, string | undefined>

/** What the environment alone says; a dry run shows the rest as placeholders naming their source. */
export function platformFromEnv(env: Env = process.env): Partial<Platform> {
  const store = env[ARTIFACT_STORE_ENV]
  const image = env[IMAGE_URI_ENV]
  const role = env[EXECUTION_ROLE_ENV]
  return {
    ...(store?.startsWith('s3://') ? { artifactStore: store.endsWith('/') ? store : `${store}/` } : {}),
    ...(image ? { imageUri: image } : {}),
    ...(role ? { executionRoleArn: role } : {}),
  }
}

export function platformStackName(env: Env = process.env): string {
  return env[PLATFORM_STACK_ENV] || DEFAULT_PLATFORM_STACK
}

export interface ResolvePlatformOptions {
  /** The repository checkout: its git history names the runtime image tag. */
  workspaceRoot: string
  env?: Env
}

/** The environment's values, the rest read from the platform stack's outputs (one DescribeStacks). */
export async function resolvePlatform(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  options: ResolvePlatformOptions,
): Promise<Platform> {
  const env = options.env ?? process.env
  const known = platformFromEnv(env)
  if (known.artifactStore && known.imageUri && known.executionRoleArn) return known as Platform
  const stackName = platformStackName(env)
  const outputs = await platformOutputs(cloudformation, stackName)
  const output = (key: string, envName: string): string => {
    const value = outputs[key]
    if (value) return value
    throw new UserError({
      input: `the platform stack ${stackName}`,
      problem: `has no output ${key}`,
      expected: 'a stack created from cloudformation/platform.yaml',
      fix: `deploy the platform stack (see cloudformation/README.md), or set ${envName}`,
    })
  }
  return {
    artifactStore: known.artifactStore ?? `s3://${output('ArtifactBucketName', ARTIFACT_STORE_ENV)}/`,
    imageUri:
      known.imageUri ??
      `${output('RuntimeImageRepositoryUri', IMAGE_URI_ENV)}:${await runtimeImageTag(options.workspaceRoot, env)}`,
    executionRoleArn: known.executionRoleArn ?? output('ExecutionRoleArn', EXECUTION_ROLE_ENV),
  }
}

/** The GPU variant of the runtime image (containers/runtime/Dockerfile.gpu) is tagged `<tag>-gpu`. */
export function gpuImageUri(imageUri: string): string {
  return imageUri.endsWith('-gpu') ? imageUri : `${imageUri}-gpu`
}

/** ml.g*, ml.p* and ml.trn/inf accelerated families take the GPU image. */
export function isGpuInstanceType(instanceType: string): boolean {
  return /^ml\.(g\d|p\d)/.test(instanceType)
}

async function platformOutputs(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
): Promise<Record<string, string>> {
  try {
    const { Stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }))
    return Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).flatMap((o) =>
        o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue]] : [],
      ),
    )
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) {
      throw new UserError({
        input: `the platform stack ${stackName}`,
        problem: 'does not exist in this account and region',
        expected: `a stack created from cloudformation/platform.yaml (name from ${PLATFORM_STACK_ENV})`,
        fix: `create it once (see cloudformation/README.md), or set ${ARTIFACT_STORE_ENV}, ${IMAGE_URI_ENV} and ${EXECUTION_ROLE_ENV}`,
      })
    }
    throw error
  }
}
