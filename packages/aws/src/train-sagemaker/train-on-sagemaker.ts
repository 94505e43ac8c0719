// `sagepack train <model> --on sagemaker`, start to end: build the model's training code, find where
// the platform keeps things (bucket, image, role), prepare the same job a local run prepares, and run
// it as a SageMaker training job whose model and outputs come back into the new run directory.
import { join } from 'node:path'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { extractArchive } from '@sagepack/bundle'
import { shownPath, writeFileAtomic } from '@sagepack/core-data'
import type { SageMakerTrainingResult } from '@sagepack/core-train'
import { locateModel } from '@sagepack/core-train/workspace'
import { type AwsCommandOptions, connectPlatform, printLine } from '../platform/connect-platform'
import { imageFor } from '../platform/platform'
import { buildTrainingCode } from './build-training-code'

interface TrainOnSageMakerClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
  sagemaker: Pick<SageMakerClient, 'send'>
}

interface TrainOnSageMakerOptions extends AwsCommandOptions<TrainOnSageMakerClients> {
  model: string
  sets?: readonly string[]
  runsRoot?: string
  instanceType: string
  instanceCount?: number
  spot?: boolean
  maxRuntimeSeconds?: number
  /** Between DescribeTrainingJob calls; tests pass 0. */
  pollIntervalMs?: number
}

export async function trainOnSageMaker(options: TrainOnSageMakerOptions): Promise<SageMakerTrainingResult> {
  const { workspaceRoot } = options
  const env = options.env ?? process.env
  const print = options.print ?? printLine
  // A misspelt model, or a syntax error in its code, fails before any AWS call or run directory.
  const folder = locateModel(workspaceRoot, options.model)
  const code = await buildTrainingCode({ workspaceRoot, folder })
  const { clients, platform, store } = await connectPlatform(options, defaultClients)
  // Loaded here, so other commands start without tfjs and onnxruntime.
  const { prepareTrainingJob, runSageMakerTraining, TRAINING_CODE_FILE } = await import(
    '@sagepack/core-train'
  )
  const job = await prepareTrainingJob({
    workspaceRoot,
    model: folder.name,
    env,
    ...(options.sets ? { sets: options.sets } : {}),
    ...(options.runsRoot ? { runsRoot: options.runsRoot } : {}),
  })
  // Kept in the run: the exact code the job ran, beside the job spec.
  const codeFile = join(job.runDir, 'code', TRAINING_CODE_FILE)
  await writeFileAtomic(codeFile, Buffer.from(code.source))
  const image = imageFor(platform, options.instanceType)
  print(
    `run ${job.runId}: training ${folder.name} on SageMaker (${image}), run folder ${shownPath(job.runDir)}`,
  )
  return runSageMakerTraining({
    workspaceRoot,
    job,
    placement: {
      image,
      roleArn: platform.executionRoleArn,
      instanceType: options.instanceType,
      ...(options.instanceCount ? { instanceCount: options.instanceCount } : {}),
      ...(options.maxRuntimeSeconds ? { maxRuntimeSeconds: options.maxRuntimeSeconds } : {}),
      ...(options.spot ? { spot: true } : {}),
    },
    codeFile,
    // runSageMakerTraining refuses a store that is not in S3.
    store,
    sagemaker: clients.sagemaker,
    extractArchive,
    print,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  })
}

function defaultClients(): TrainOnSageMakerClients {
  // Region and credentials from the usual AWS SDK sources (AWS_PROFILE, AWS_REGION, OIDC in CI).
  return { cloudformation: new CloudFormationClient({}), sagemaker: new SageMakerClient({}) }
}
