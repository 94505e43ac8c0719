// `sagepack train <model>`: resolve the config, build the training job spec, and run it in a new run
// directory: on this machine, or as a SageMaker training job built from the same spec.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { explainingAwsErrors } from '@sagepack/aws/errors'
import { isUserError, shownPath } from '@sagepack/core-data'
import { defaultRunsRoot, findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { collect } from './collect-option'
import { DEFAULT_TRAINING_INSTANCE_TYPE, type ExecutorChoice, parseExecutorFlags } from './train-options'

interface TrainOptions {
  set: string[]
  on: string
  runsDir?: string
  resume?: string
  instanceType?: string
  instanceCount?: string
  spot?: boolean
  maxRuntime?: string
}

export function trainCommand(): Command {
  return new Command('train')
    .summary('train a model under the SageMaker training contract (here or on SageMaker), into a new run')
    .description(
      'Train a model under the SageMaker training contract. Each run gets a new folder\n' +
        'runs/<model>/<run-id>/ with config.json, metrics.json, model/, results/, data-checks.json and logs/.\n\n' +
        "With --on sagemaker the same job spec runs as a SageMaker training job: the model's train entry is\n" +
        'bundled with esbuild and sent as the `code` channel, local data channels are uploaded to the\n' +
        'artifact bucket under training/<model>/<run-id>/, and when the job ends its model and outputs are\n' +
        "downloaded into the run folder. GPU instance types (ml.g*, ml.p*) get the runtime image's -gpu tag.\n" +
        'The bucket, image and role come from the platform stack (sagepack-platform, or\n' +
        'SAGEPACK_PLATFORM_STACK), or from SAGEPACK_ARTIFACT_STORE=s3://bucket/, SAGEPACK_IMAGE_URI and\n' +
        'SAGEPACK_EXECUTION_ROLE_ARN; AWS credentials and region from the usual AWS SDK sources.',
    )
    .argument('<model>', 'the model folder name under models/, e.g. iris')
    .option(
      '--set <key=value>',
      'override a config key; repeatable (keys: `sagepack config <model>`)',
      collect,
      [],
    )
    .option('--on <executor>', 'where to train: local (this machine) or sagemaker (a training job)', 'local')
    .option('--runs-dir <dir>', 'where runs are kept (default: runs/ at the workspace root)')
    .option(
      '--resume <run-id>',
      'continue from the latest checkpoint of an earlier (stopped) local run of this model',
    )
    .option(
      '--instance-type <type>',
      `sagemaker: the instance type (default ${DEFAULT_TRAINING_INSTANCE_TYPE}; GPU: ml.g5.xlarge, ...)`,
    )
    .option('--instance-count <n>', 'sagemaker: how many instances (default 1)')
    .option(
      '--spot',
      'sagemaker: managed spot training (cheaper; waits up to twice --max-runtime for capacity)',
    )
    .option('--max-runtime <seconds>', 'sagemaker: stop the job after this long (default 86400, one day)')
    .addHelpText(
      'after',
      '\nExamples:\n  pnpm train iris\n  pnpm train iris --set train.epochs=50 --set seed=7\n' +
        '  pnpm train iris --resume 20261123-164512-3fa2   # after Ctrl-C or SIGTERM stopped that run\n' +
        '  pnpm train iris --on sagemaker\n' +
        '  pnpm train iris --on sagemaker --instance-type ml.g5.xlarge --spot --max-runtime 7200\n\n' +
        'Config precedence: defaults < models/<model>/config.json < environment < --set.',
    )
    .action(async (model: string, options: TrainOptions) => {
      // Checked before anything loads or runs: a wrong flag costs nothing.
      const choice = parseExecutorFlags(options)
      process.exitCode =
        choice.executor === 'local'
          ? await trainModel(model, options)
          : await trainOnSageMaker(model, options, choice)
    })
}

async function trainModel(name: string, options: TrainOptions): Promise<number> {
  let shownDir = ''
  const workspaceRoot = findWorkspaceRoot()
  const runsRoot = options.runsDir ? resolve(options.runsDir) : defaultRunsRoot(workspaceRoot)
  // Loaded when the command runs, so other commands start without tfjs and onnxruntime.
  const { trainLocally } = await import('@sagepack/core-train')
  // The evaluation's code (Vega, the serving runtime) loads and warms up while the job trains in its
  // own process, so the report after training costs only its own work.
  const evaluation = import('@sagepack/evaluate').then(async (module) => {
    await module.warmUpRendering()
    return module
  })
  evaluation.catch(() => {})
  const result = await trainLocally({
    workspaceRoot,
    model: name,
    sets: options.set,
    runsRoot,
    ...(options.resume ? { resumeFrom: options.resume } : {}),
    onRunCreated: ({ runId, runDir }) => {
      shownDir = shownPath(runDir)
      process.stdout.write(`run ${runId}: training ${name} locally in ${shownDir}\n`)
    },
  })
  if (result.status !== 'completed') {
    process.stderr.write(
      `\nrun ${result.runId} ${result.status} (exit ${result.exitCode}) after ${result.durationSeconds.toFixed(1)} s.\n` +
        `${result.failureReason ?? ''}\nlogs: ${join(shownDir, 'logs', 'train.log')}\n` +
        (result.status === 'stopped' ? `resume with: pnpm train ${name} --resume ${result.runId}\n` : ''),
    )
    return result.exitCode
  }
  const summary = await testMetricsSummary(result.runDir)
  process.stdout.write(
    `\nrun ${result.runId} completed in ${result.durationSeconds.toFixed(1)} s${summary ? `: ${summary}` : ''}\n` +
      `  ${shownDir}\n`,
  )
  return evaluateTrainedRun(await evaluation, {
    workspaceRoot,
    name,
    runsRoot,
    runId: result.runId,
    sets: options.set,
  })
}

/**
 * The report of the run just trained. A champion that cannot be found is a note in it; any other
 * problem (a slice on a column the data lacks, a gate on a metric the model has not) is the user's to
 * fix, and fails the command while the run stays completed.
 */
async function evaluateTrainedRun(
  { evaluateRun, headlineText }: typeof import('@sagepack/evaluate'),
  run: { workspaceRoot: string; name: string; runsRoot: string; runId: string; sets: string[] },
): Promise<number> {
  const { workspaceRoot, name, runsRoot, runId } = run
  const started = performance.now()
  try {
    const { report, reportDir } = await evaluateRun({
      workspaceRoot,
      folder: locateModel(workspaceRoot, name),
      runsRoot,
      runId,
      sets: run.sets,
      tolerantChampion: true,
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stdout.write(
      `\nevaluated in ${seconds} s\n${headlineText(report, shownPath(join(reportDir, 'index.html')))}\n`,
    )
    return 0
  } catch (error) {
    if (!isUserError(error)) throw error
    process.stderr.write(
      `\nrun ${runId} completed, but its evaluation failed:\n${error.message}\n` +
        `fix it, then: pnpm sagepack evaluate ${name} --run ${runId}\n`,
    )
    return 2
  }
}

async function trainOnSageMaker(
  name: string,
  options: TrainOptions,
  choice: Extract<ExecutorChoice, { executor: 'sagemaker' }>,
): Promise<number> {
  const { trainOnSageMaker: run } = await import('@sagepack/aws')
  const { executor, ...placement } = choice
  const result = await explainingAwsErrors(() =>
    run({
      workspaceRoot: findWorkspaceRoot(),
      model: name,
      sets: options.set,
      ...(options.runsDir ? { runsRoot: resolve(options.runsDir) } : {}),
      ...placement,
    }),
  )
  const shownDir = shownPath(result.runDir)
  if (result.status !== 'completed') {
    process.stderr.write(
      `\nrun ${result.runId} (SageMaker job ${result.trainingJobName}) ${result.status} after ${result.durationSeconds.toFixed(1)} s; ` +
        `its FailureReason is above and in ${join(shownDir, 'output', 'failure')}.\n` +
        `logs: CloudWatch /aws/sagemaker/TrainingJobs, ${result.trainingJobName}/algo-*\n`,
    )
    return result.exitCode
  }
  const summary = await testMetricsSummary(result.runDir)
  process.stdout.write(
    `\nrun ${result.runId} (SageMaker job ${result.trainingJobName}) completed in ${result.durationSeconds.toFixed(1)} s${summary ? `: ${summary}` : ''}\n` +
      `  ${shownDir}\n`,
  )
  return 0
}

async function testMetricsSummary(runDir: string): Promise<string> {
  // Already loaded by the training that just ran, so this import costs nothing.
  const { METRICS_FILE, formatMetricValue } = await import('@sagepack/core-train')
  try {
    const metrics = JSON.parse(await readFile(join(runDir, METRICS_FILE), 'utf8')) as {
      test?: Record<string, unknown>
    }
    return Object.entries(metrics.test ?? {})
      .filter(([, value]) => typeof value === 'number')
      .map(([key, value]) => `test ${key}=${formatMetricValue(value as number)}`)
      .join(', ')
  } catch {
    return ''
  }
}
