// `sagepack runs compare <model> <run-a> <run-b>`: two runs side by side.
import { findWorkspaceRoot } from '@sagepack/core-train/workspace'
import { findRunFolder, readRunSummary, runsComparison } from '@sagepack/runs'
import { Command } from 'commander'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'

export function runsCompareCommand(): Command {
  return new Command('compare')
    .summary('config differences and metric deltas of two runs, side by side')
    .description(
      'Show two runs of a model side by side: status, start time, git commit, backend\n' +
        'and time; the keys of their resolved configs (config.json) that differ; and\n' +
        'every split metric of metrics.json with its delta (<run-b> minus <run-a>).\n' +
        'Archived runs can be compared too.',
    )
    .argument('<model>', 'the model name, as in runs/<model>/')
    .argument('<run-a>', 'the run to compare from, e.g. the released one')
    .argument('<run-b>', 'the run to compare with it')
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .exitOverride()
    .addHelpText(
      'after',
      '\nExample:\n  $ sagepack runs compare iris 20261123-164512-3fa2 20261124-090211-b7c0',
    )
    .action(async (model: string, runA: string, runB: string, options: { runsDir?: string }) => {
      const runsRoot = runsRootFrom(findWorkspaceRoot(), options.runsDir)
      const [a, b] = await Promise.all([
        readRunSummary(findRunFolder(runsRoot, model, runA)),
        readRunSummary(findRunFolder(runsRoot, model, runB)),
      ])
      process.stdout.write(`${runsComparison(a, b).join('\n')}\n`)
    })
}
