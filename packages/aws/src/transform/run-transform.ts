// `sagepack transform <model>`: run the model's bundle over S3 data as a SageMaker Batch Transform
// job. The bundle is verified and uploaded content-addressed, the SageMaker model made for its digest
// (or reused), the job created with the model config's transform settings, and followed to its end.
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import {
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  type DescribeTransformJobResponse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { BUNDLE_FILE, MANIFEST_FILE, parseBundleManifest, verifyArchive } from '@sagepack/bundle'
import { isUserError, parseS3Uri, putContentAddressed, UserError } from '@sagepack/core-data'
import { waitForJob } from '@sagepack/core-train'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { modelDeploymentSettings } from '../deploy/model-deployment-settings'
import { type AwsCommandOptions, connectPlatform, printLine } from '../platform/connect-platform'
import { imageFor } from '../platform/platform'
import { ensureTransformModel } from './ensure-transform-model'
import { transformJobProgress } from './transform-job-progress'
import {
  createTransformJobRequest,
  TRANSFORM_CONTENT_TYPES,
  type TransformContentType,
  type TransformPlan,
} from './transform-job-request'
import { transformJobName, transformModelName } from './transform-names'

interface TransformClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
  sagemaker: Pick<SageMakerClient, 'send'>
}

export interface TransformOptions extends AwsCommandOptions<TransformClients> {
  folder: ModelFolder
  /** s3:// prefix (or object) of the CSV/JSONL input. */
  input: string
  /** s3:// prefix the predictions are written under (<input file>.out). */
  output: string
  /** The run the bundle must have been built from. */
  runId?: string
  /** Default text/csv. */
  contentType?: string
  /** Default true: follow the job to its end. */
  wait?: boolean
  /** Between DescribeTransformJob calls; tests pass 0. */
  pollIntervalMs?: number
  now?: () => Date
}

const DEFAULT_POLL_MS = 30_000

export async function runTransform(options: TransformOptions): Promise<number> {
  const { folder } = options
  const env = options.env ?? process.env
  const print = options.print ?? printLine

  // Everything that can be wrong locally fails before any upload or AWS call.
  const input = s3Location('--input', options.input)
  const output = s3Location('--output', options.output)
  const contentType = parseContentType(options.contentType ?? 'text/csv')
  const bundle = join(folder.dir, BUNDLE_FILE)
  if (!existsSync(bundle)) {
    throw new UserError({
      input: `models/${folder.name}/${BUNDLE_FILE}`,
      problem: 'does not exist',
      expected: 'the bundle batch transform runs',
      fix: `run pnpm bundle ${folder.name}${options.runId ? ` --run ${options.runId}` : ''} first`,
    })
  }
  const verified = await verifyArchive(bundle)
  const manifest = parseBundleManifest(verified.manifest, `${bundle}, ${MANIFEST_FILE}`)
  if (options.runId && manifest.runId !== options.runId) {
    throw new UserError({
      input: `--run ${options.runId}`,
      problem: `models/${folder.name}/${BUNDLE_FILE} was built from run ${manifest.runId}`,
      expected: `a bundle of run ${options.runId}`,
      fix: `run pnpm bundle ${folder.name} --run ${options.runId}, then transform again`,
    })
  }
  const settings = (await modelDeploymentSettings(folder, env)).transform

  const { clients, platform, store } = await connectPlatform(options, defaultClients)
  const uploaded = await putContentAddressed(store, folder.name, bundle)
  print(
    `${uploaded.skipped ? 'already uploaded' : 'uploaded'} ${relative(options.workspaceRoot, bundle)} (run ${manifest.runId}): ${uploaded.uri}`,
  )
  const plan: TransformPlan = {
    model: folder.name,
    bundleSha256: uploaded.sha256,
    runId: manifest.runId,
    modelName: transformModelName(folder.name, uploaded.sha256),
    jobName: transformJobName(folder.name, (options.now ?? (() => new Date()))()),
    modelDataUrl: uploaded.uri,
    image: imageFor(platform, settings.instanceType),
    executionRoleArn: platform.executionRoleArn,
    input,
    output,
    contentType,
    settings,
  }
  const outcome = await ensureTransformModel(clients.sagemaker, plan)
  print(
    `SageMaker model ${plan.modelName}: ${outcome === 'replaced' ? 'replaced (its container settings changed)' : outcome}`,
  )
  await clients.sagemaker.send(new CreateTransformJobCommand(createTransformJobRequest(plan)))
  print(
    `started transform job ${plan.jobName}: ${input} -> ${output} on ${settings.instanceCount} x ${settings.instanceType}` +
      ` (${contentType}, up to ${settings.maxPayloadInMB} MB per request, ${settings.maxConcurrentTransforms} in flight per instance)`,
  )
  if (options.wait === false) {
    print(
      `not waiting; follow it with: aws sagemaker describe-transform-job --transform-job-name ${plan.jobName}`,
    )
    return 0
  }
  const final = await waitForJob<DescribeTransformJobResponse>({
    describe: () =>
      clients.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: plan.jobName })),
    progress: transformJobProgress,
    print,
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
  })
  if (final.TransformJobStatus === 'Completed') {
    print(`predictions written under ${output} (one <input file>.out per input file)`)
    return 0
  }
  print(
    `FailureReason: ${final.FailureReason ?? `transform job ${final.TransformJobStatus ?? 'ended'} without a reason`}`,
  )
  print(`logs: CloudWatch /aws/sagemaker/TransformJobs, ${plan.jobName}/*`)
  return 1
}

/** An s3:// location with a valid bucket; a bad one is named by its flag. */
function s3Location(flag: '--input' | '--output', value: string): string {
  const expected = 's3://<bucket>/<prefix>/ (Batch Transform reads and writes S3 only)'
  if (!value.startsWith('s3://')) {
    throw new UserError({
      input: `${flag} ${value}`,
      problem: 'is not an S3 location',
      expected,
      ...(flag === '--input'
        ? { fix: 'copy the data to S3 first, e.g. aws s3 cp data.csv s3://<bucket>/input/' }
        : {}),
    })
  }
  try {
    parseS3Uri(value)
  } catch (error) {
    if (!isUserError(error)) throw error
    throw new UserError({
      input: `${flag} ${value}`,
      problem: error.problem,
      expected: error.expected ?? expected,
      fix: `check the bucket in ${flag} (\`aws s3 ls\` lists the buckets you can use)`,
    })
  }
  return value
}

function parseContentType(value: string): TransformContentType {
  if ((TRANSFORM_CONTENT_TYPES as readonly string[]).includes(value)) return value as TransformContentType
  throw new UserError({
    input: `--content-type ${value}`,
    problem: 'is not a format Batch Transform can split by line',
    expected: TRANSFORM_CONTENT_TYPES.join(' or '),
  })
}

function defaultClients(): TransformClients {
  // Region and credentials from the usual AWS SDK sources (AWS_PROFILE, AWS_REGION, OIDC in CI).
  return { cloudformation: new CloudFormationClient({}), sagemaker: new SageMakerClient({}) }
}
