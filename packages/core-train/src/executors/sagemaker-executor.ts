// Runs a prepared training job as a SageMaker training job: upload its file:// channels and the
// bundled training code, send CreateTrainingJob built from the same spec input the local executor
// runs (only the fields that say where differ), follow the job to its end, and bring its model and
// outputs back into the run directory so the run reads like a local one.
import { join } from 'node:path'
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker'
import { type ArtifactStore, UserError, writeFileAtomic, writeJsonAtomic } from '@sagepack/core-data'
import { EXIT_FAILED, EXIT_OK, EXIT_STOPPED } from '../contract/run-training-job'
import {
  buildTrainingJobSpec,
  DEFAULT_MAX_RUNTIME_SECONDS,
  type TrainingJobSpec,
  type TrainingJobSpecInput,
} from '../contract/training-job-spec'
import { trainingLayout } from '../contract/training-layout'
import {
  type FinalRunStatus,
  finishRunRecord,
  startRunRecord,
  type TrainingRunResult,
  writeRunRecord,
} from '../runs/run-record'
import { requireS3Store } from '../sagemaker/require-s3-store'
import { trainingJobProgress } from '../sagemaker/training-job-progress'
import { waitForJob } from '../sagemaker/wait-for-job'
import { downloadTrainingOutputs, type ExtractArchive } from './download-training-outputs'
import type { PreparedTrainingJob } from './prepare-training-job'
import { keyInStore, trainingJobKeys } from './sagemaker-job-keys'
import { uploadTrainingInputs } from './upload-training-inputs'

/** The fields of a job that say where it runs; everything else comes from the prepared job. */
export type SageMakerPlacement = Pick<
  TrainingJobSpecInput<unknown>,
  'image' | 'roleArn' | 'instanceType' | 'instanceCount' | 'volumeSizeGb' | 'maxRuntimeSeconds'
> & {
  /** Managed spot training, waiting up to twice the max runtime for capacity and interruptions. */
  spot?: boolean
}

export interface SageMakerTrainingOptions {
  workspaceRoot: string
  job: Pick<PreparedTrainingJob, 'runId' | 'runDir' | 'specInput'>
  placement: SageMakerPlacement
  /** The bundled training code (train.mjs), sent as the `code` channel. */
  codeFile: string
  store: ArtifactStore
  sagemaker: Pick<SageMakerClient, 'send'>
  extractArchive: ExtractArchive
  /** Between DescribeTrainingJob calls; default 30 s. Tests pass 0. */
  pollIntervalMs?: number
  print?: (line: string) => void
}

export interface SageMakerTrainingResult extends TrainingRunResult {
  trainingJobName: string
}

const DEFAULT_POLL_MS = 30_000

export async function runSageMakerTraining(
  options: SageMakerTrainingOptions,
): Promise<SageMakerTrainingResult> {
  const { job, placement, sagemaker } = options
  const store = requireS3Store(options.store, 'a SageMaker training job')
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  const model = job.specInput.definition.model
  const keys = trainingJobKeys(model, job.runId)
  const record = await startRunRecord(job.runDir, options.workspaceRoot, {
    id: job.runId,
    model,
    executor: 'sagemaker',
  })

  let spec: TrainingJobSpec
  try {
    const channels = await uploadTrainingInputs({
      store,
      keys,
      channels: job.specInput.channels,
      codeFile: options.codeFile,
      print,
    })
    const { spot, ...where } = placement
    const maxRuntimeSeconds = placement.maxRuntimeSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS
    spec = buildTrainingJobSpec({
      ...job.specInput,
      ...where,
      channels,
      outputUri: store.uri(keys.output),
      checkpointUri: store.uri(keys.checkpoints),
      ...(spot ? { spot: { maxWaitSeconds: 2 * maxRuntimeSeconds } } : {}),
    })
    record.trainingJobName = spec.TrainingJobName
    await writeJsonAtomic(join(job.runDir, 'job.json'), spec)
    const created = await sagemaker
      .send(new CreateTrainingJobCommand(spec))
      .catch((error: unknown) => refusedJob(error, placement))
    record.trainingJobArn = created.TrainingJobArn
    await writeRunRecord(job.runDir, record)
  } catch (error) {
    await finishRunRecord(job.runDir, record, {
      status: 'failed',
      exitCode: EXIT_FAILED,
      failureReason: (error as Error).message,
    })
    throw error
  }
  const name = spec.TrainingJobName ?? ''
  print(
    `started SageMaker training job ${name} on ${placement.instanceCount ?? 1} x ${placement.instanceType}${placement.spot ? ' (spot)' : ''}\n` +
      `  logs: CloudWatch log group /aws/sagemaker/TrainingJobs, streams ${name}/algo-*\n` +
      '  Ctrl-C stops waiting, not the job (aws sagemaker stop-training-job stops it)',
  )

  const final = await waitForJob<DescribeTrainingJobResponse>({
    describe: () => sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name })),
    progress: trainingJobProgress,
    print,
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
  })
  const status = runStatusOf(final.TrainingJobStatus)
  const fetched = await downloadTrainingOutputs({
    store,
    runDir: job.runDir,
    modelKey: final.ModelArtifacts?.S3ModelArtifacts
      ? keyInStore(store, final.ModelArtifacts.S3ModelArtifacts)
      : undefined,
    outputKey: keys.outputArchive(name),
    requireModel: status === 'completed',
    extractArchive: options.extractArchive,
  })
  if (fetched.length > 0) print(`downloaded ${fetched.join(' and ')} into ${job.runDir}`)

  const failureReason = status === 'completed' ? undefined : (final.FailureReason ?? `training job ${status}`)
  if (failureReason) {
    // Where the local executor's job leaves its reason, so both kinds of run read the same.
    await writeFileAtomic(trainingLayout(job.runDir).failureFile, `${failureReason}\n`)
    print(`FailureReason: ${failureReason}`)
  }
  if (final.BillableTimeInSeconds !== undefined) {
    print(
      `billable time ${final.BillableTimeInSeconds} s of ${final.TrainingTimeInSeconds ?? '?'} s training`,
    )
  }
  const exitCode = status === 'completed' ? EXIT_OK : status === 'stopped' ? EXIT_STOPPED : EXIT_FAILED
  const result = await finishRunRecord(job.runDir, record, {
    status,
    exitCode,
    ...(failureReason ? { failureReason } : {}),
  })
  return { ...result, trainingJobName: name }
}

function runStatusOf(status: string | undefined): FinalRunStatus {
  if (status === 'Completed') return 'completed'
  if (status === 'Stopped') return 'stopped'
  return 'failed'
}

/**
 * SageMaker's refusals a user fixes (a bad instance type, an instance quota of 0, a role it cannot
 * assume) become one readable error; anything else stays as it is.
 */
function refusedJob(error: unknown, placement: SageMakerPlacement): never {
  const name = (error as Error).name
  if (name === 'ValidationException' || name === 'ResourceLimitExceeded' || name === 'ResourceInUse') {
    throw new UserError(
      {
        input: `CreateTrainingJob on ${placement.instanceCount ?? 1} x ${placement.instanceType}`,
        problem: `SageMaker refused the job: ${name}: ${(error as Error).message}`,
        expected: 'an instance type and count within your SageMaker quotas, and a role SageMaker can assume',
        fix:
          name === 'ResourceLimitExceeded'
            ? 'request a quota increase for that instance type (Service Quotas, SageMaker), or pick another with --instance-type'
            : 'check --instance-type, the execution role and the platform stack, then train again',
      },
      { cause: error },
    )
  }
  throw error
}
