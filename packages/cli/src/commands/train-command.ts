// `sagepack train <model>`: resolve the config, build the training job spec, and run it locally in a
// new run directory, the same job SageMaker would run.
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { findWorkspaceRoot } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { collect } from './collect-option'

interface TrainOptions {
  set: string[]
  on: string
  runsDir?: string
  resume?: string
}

export function trainCommand(): Command {
  return new Command('train')
    .summary('train a model under the SageMaker training contract, into a new run')
    .description(
      'Train a model under the SageMaker training contract. Each run gets a new folder\n' +
        'runs/<model>/<run-id>/ with config.json, metrics.json, model/, results/, data-checks.json and logs/.',
    )
    .argument('<model>', 'the model folder name under models/, e.g. iris')
    .option(
      '--set <key=value>',
      'override a config key; repeatable (keys: `sagepack config <model>`)',
      collect,
      [],
    )
    .option('--on <executor>', 'where to train: local', 'local')
    .option('--runs-dir <dir>', 'where runs are kept (default: runs/ at the workspace root)')
    .option(
      '--resume <run-id>',
      'continue from the latest checkpoint of an earlier (stopped) run of this model',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  pnpm train iris\n  pnpm train iris --set train.epochs=50 --set seed=7\n' +
        '  pnpm train iris --resume 20261123-164512-3fa2   # after Ctrl-C or SIGTERM stopped that run\n\n' +
        'Config precedence: defaults < models/<model>/config.json < environment < --set.',
    )
    .action(async (model: string, options: TrainOptions) => {
      process.exitCode = await trainModel(model, options)
    })
}

async function trainModel(name: string, options: TrainOptions): Promise<number> {
  if (options.on !== 'local') {
    throw new UserError({
      input: `--on ${options.on}`,
      problem: 'is not an executor this version can run',
      expected: 'local',
      fix: 'leave --on out to train on this machine',
    })
  }
  let shownDir = ''
  // Loaded when the command runs, so other commands start without tfjs and onnxruntime.
  const { trainLocally } = await import('@sagepack/core-train')
  const result = await trainLocally({
    workspaceRoot: findWorkspaceRoot(),
    model: name,
    sets: options.set,
    ...(options.runsDir ? { runsRoot: resolve(options.runsDir) } : {}),
    ...(options.resume ? { resumeFrom: options.resume } : {}),
    onRunCreated: ({ runId, runDir }) => {
      shownDir = relative(process.cwd(), runDir) || runDir
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
