// Where a model goes on AWS: the artifact bucket, the runtime image and the execution role, as the
// platform stack (cloudformation/platform.yaml) exports them. Each can be set by an environment
// variable instead, which is how CI passes what it already knows and how a dry run works with no
// credentials.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { ARTIFACT_STORE_ENV, UserError } from '@sagepack/core-data'
import { describeStack } from './describe-stack'
import { IMAGE_TAG_ENV, RUNTIME_PATHS_FILE, runtimeImageTag } from './runtime-image-tag'

const PLATFORM_STACK_ENV = 'SAGEPACK_PLATFORM_STACK'
const DEFAULT_PLATFORM_STACK = 'sagepack-platform'
const IMAGE_URI_ENV = 'SAGEPACK_IMAGE_URI'
const EXECUTION_ROLE_ENV = 'SAGEPACK_EXECUTION_ROLE_ARN'

export interface Platform {
  /** `s3://bucket/`: bundles, training inputs and outputs. */
  artifactStore: string
  /** The runtime image for CPU instances, with its tag (see runtime-image-tag.ts). */
  imageUri: string
  executionRoleArn: string
}

type Env = Record<string, string | undefined>

/** What the environment alone says. Only an s3:// store counts: SageMaker reads and writes S3 only. */
function platformFromEnv(env: Env): Partial<Platform> {
  const store = env[ARTIFACT_STORE_ENV]
  const image = env[IMAGE_URI_ENV]
  const role = env[EXECUTION_ROLE_ENV]
  return {
    ...(store?.startsWith('s3://') ? { artifactStore: store.endsWith('/') ? store : `${store}/` } : {}),
    ...(image ? { imageUri: image } : {}),
    ...(role ? { executionRoleArn: role } : {}),
  }
}

function platformStackName(env: Env): string {
  return env[PLATFORM_STACK_ENV] || DEFAULT_PLATFORM_STACK
}

/** The environment's values, the rest read from the platform stack's outputs (one DescribeStacks). */
export async function resolvePlatform(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  options: {
    /** The repository checkout: its git history names the runtime image tag. */
    workspaceRoot: string
    env: Env
  },
): Promise<Platform> {
  const { env } = options
  const known = platformFromEnv(env)
  if (known.artifactStore && known.imageUri && known.executionRoleArn) return known as Platform
  const stackName = platformStackName(env)
  const stack = await describeStack(cloudformation, stackName)
  if (!stack) {
    throw new UserError({
      input: `the platform stack ${stackName}`,
      problem: 'does not exist in this account and region',
      expected: `a stack created from cloudformation/platform.yaml (name from ${PLATFORM_STACK_ENV})`,
      fix: `create it once (see cloudformation/README.md), or set ${ARTIFACT_STORE_ENV}=s3://<bucket>/, ${IMAGE_URI_ENV} and ${EXECUTION_ROLE_ENV}`,
    })
  }
  const output = (key: string, envName: string): string => {
    const value = stack.Outputs?.find((o) => o.OutputKey === key)?.OutputValue
    if (value) return value
    throw new UserError({
      input: `the platform stack ${stackName}`,
      problem: `has no output ${key} (it is ${stack.StackStatus ?? 'in an unknown state'})`,
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

/** For a dry run: the environment's values where set, the rest named by where a real run reads them. */
export async function platformPlaceholders(workspaceRoot: string, env: Env): Promise<Platform> {
  const known = platformFromEnv(env)
  const stack = platformStackName(env)
  const tag = known.imageUri
    ? ''
    : await runtimeImageTag(workspaceRoot, env).catch(
        () => `<last commit changing ${RUNTIME_PATHS_FILE}, or ${IMAGE_TAG_ENV}>`,
      )
  return {
    artifactStore: known.artifactStore ?? `s3://<${stack} output ArtifactBucketName>/`,
    imageUri: known.imageUri ?? `<${stack} output RuntimeImageRepositoryUri>:${tag}`,
    executionRoleArn: known.executionRoleArn ?? `<${stack} output ExecutionRoleArn>`,
  }
}

/**
 * The runtime image for an instance type: NVIDIA GPU families take its GPU variant
 * (containers/runtime/Dockerfile.gpu, CUDA), tagged `<tag>-gpu`. In SageMaker's instance types
 * (ProductionVariantInstanceType, TrainingInstanceType) those are the ml.g<n>* (g4dn, g5, g6, g6e,
 * g7, g7e) and ml.p<n>* (p2 ... p5en, p6-b200) families. AWS's own accelerators are not CUDA: ml.inf1,
 * ml.inf2 (Inferentia), ml.trn1, ml.trn2 (Trainium) need the Neuron SDK and ml.dl1 (Gaudi) Habana's,
 * none of which the images carry, so they get the CPU image and run on their host CPUs. (ml.p6e-gb200
 * hosts have Arm CPUs, for which neither image is built.)
 */
export function imageFor(platform: Platform, instanceType: string): string {
  const { imageUri } = platform
  if (!/^ml\.(g\d|p\d)/.test(instanceType) || imageUri.endsWith('-gpu')) return imageUri
  return `${imageUri}-gpu`
}
