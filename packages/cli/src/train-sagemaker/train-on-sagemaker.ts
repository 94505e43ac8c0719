// `sagepack train <model> --on sagemaker`, start to end: find where the platform keeps things (bucket,
// image, role), build the model's training code, prepare the same job a local run prepares, and run
// it as a SageMaker training job whose model and outputs come back into the new run directory.
import { join, relative } from 'node:path'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { type ArtifactStore, openArtifactStore, writeFileAtomic } from '@sagepack/core-data'
import type { SageMakerTrainingResult } from '@sagepack/core-train'
import { locateModel } from '@sagepack/core-train/workspace'
import { gpuImageUri, isGpuInstanceType, resolvePlatform } from '../aws/platform'
import { buildTrainingCode } from '../build-code/build-training-code'
import { extractArchive } from '../bundle/extract-archive'

export interface TrainOnSageMakerClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
  sagemaker: Pick<SageMakerClient, 'send'>
}

export interface TrainOnSageMakerOptions {
  workspaceRoot: string
  model: string
  sets?: readonly string[]
  runsRoot?: string
  instanceType: string
  instanceCount?: number
  spot?: boolean
  maxRuntimeSeconds?: number
  env?: Record<string, string | undefined>
  print?: (line: string) => void
  /** Made on first use; tests pass mocked clients. */
  clients?: () => TrainOnSageMakerClients
  openStore?: (uri: string) => ArtifactStore
  /** Between DescribeTrainingJob calls; tests pass 0. */
  pollIntervalMs?: number
}

export async function trainOnSageMaker(options: TrainOnSageMakerOptions): Promise<SageMakerTrainingResult> {
  const { workspaceRoot } = options
  const env = options.env ?? process.env
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  // A misspelt model fails before any AWS call.
  const folder = locateModel(workspaceRoot, options.model)
  const clients = (options.clients ?? defaultClients)()
  const platform = await resolvePlatform(clients.cloudformation, { workspaceRoot, env })
  // Loaded here, so other commands start without tfjs and onnxruntime.
  const { prepareTrainingJob, requireS3Store, runSageMakerTraining, TRAINING_CODE_FILE } = await import(
    '@sagepack/core-train'
  )
  const store = requireS3Store(
    (options.openStore ?? ((uri) => openArtifactStore(uri)))(platform.artifactStore),
    'a SageMaker training job',
  )
  // Built before the run directory exists: a syntax error in the model's code leaves no empty run.
  const code = await buildTrainingCode({ workspaceRoot, folder })
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
  const image = isGpuInstanceType(options.instanceType) ? gpuImageUri(platform.imageUri) : platform.imageUri
  print(
    `run ${job.runId}: training ${folder.name} on SageMaker (${image}), run folder ${relative(process.cwd(), job.runDir) || job.runDir}`,
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
