// `sagepack evaluate <model>`: a run's evaluation report, runs/<model>/<run>/report/ (index.html and
// report.json), against the champion release.json names or another run; prints the headline table.
import { appendFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { shownPath } from '@sagepack/core-data'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { collect } from './collect-option'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'

interface EvaluateOptions {
  set: string[]
  run?: string
  against: string
  releaseFile?: string
  runsDir?: string
  markdown?: string
  failOnGate?: boolean
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .summary("write a run's evaluation report (HTML + report.json) and print its headline")
    .description(
      'Evaluate a completed run on its test split and write runs/<model>/<run-id>/report/:\n' +
        'index.html (one self-contained page: inline SVG figures, no script, nothing fetched) and\n' +
        "report.json (every number, every figure's data). It holds the run's identity; test\n" +
        'metrics with 95% bootstrap intervals beside a naive baseline and the champion; the\n' +
        'confusion matrix, per-class scores, ROC/PR curves and calibration (classifiers) or\n' +
        'residual plots and error by tenth of the target (regressors); learning curves; the\n' +
        "slices of the model's config (evaluate.slices) with flags; the behaviour checks of\n" +
        "models/<model>/evaluate/behaviour-checks.json, run through the bundle's handler; the\n" +
        "run's data checks; and the gates of evaluate.gates. `pnpm train` runs this at its end.",
    )
    .argument('<model>', 'the model folder name under models/')
    .option('--run <id>', 'the run to evaluate (default: the latest completed run)')
    .option(
      '--against <release|run-id>',
      'the champion: the run release.json promotes, or a run id',
      'release',
    )
    .option(
      '--release-file <file>',
      'the release.json `--against release` reads (default: models/<model>/release.json)',
    )
    .option(
      '--set <key=value>',
      'override a config key, e.g. evaluate.sliceMargin=0.1; repeatable',
      collect,
      [],
    )
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .option(
      '--markdown <file>',
      'append the headline and slices as Markdown to this file (CI: $GITHUB_STEP_SUMMARY)',
    )
    .option('--fail-on-gate', 'exit 1 when the run fails a gate of evaluate.gates')
    .addHelpText(
      'after',
      '\nExamples:\n  pnpm sagepack evaluate iris\n  pnpm sagepack evaluate iris --run 20261123-164512-3fa2 --against 20261120-091500-1c2d\n' +
        '  pnpm sagepack evaluate spam --release-file base-release.json --markdown "$GITHUB_STEP_SUMMARY" --fail-on-gate',
    )
    .action(async (model: string, options: EvaluateOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      const folder = locateModel(workspaceRoot, model)
      // Loaded when the command runs: Vega and the serving runtime are not needed by other commands.
      const { evaluateRun, failedGates, headlineText, summaryMarkdown } = await import('@sagepack/evaluate')
      const { report, reportDir } = await evaluateRun({
        workspaceRoot,
        folder,
        runsRoot: runsRootFrom(workspaceRoot, options.runsDir),
        ...(options.run ? { runId: options.run } : {}),
        against: options.against,
        sets: options.set,
        ...(options.releaseFile ? { releaseFile: resolve(options.releaseFile) } : {}),
      })
      process.stdout.write(`${headlineText(report, shownPath(join(reportDir, 'index.html')))}\n`)
      if (options.markdown) await appendFile(options.markdown, summaryMarkdown(report))
      const failed = failedGates(report.gates)
      if (options.failOnGate && failed.length > 0) {
        process.stderr.write(
          `${failed.length} gate${failed.length === 1 ? '' : 's'} failed:\n${failed.map((g) => `  ${g.message}`).join('\n')}\n`,
        )
        process.exitCode = 1
      }
    })
}
