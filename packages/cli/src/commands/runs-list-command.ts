// `sagepack runs <model>` (short for `sagepack runs list <model>`): a table of a model's runs.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { shownPath, UserError } from '@sagepack/core-data'
import { findWorkspaceRoot, listModels } from '@sagepack/core-train/workspace'
import {
  countArchivedRuns,
  listRunFolders,
  modelsWithRuns,
  readRelease,
  readRunSummary,
  releaseFileOf,
  runsTable,
} from '@sagepack/runs'
import { Command } from 'commander'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'

interface ListOptions {
  archived?: boolean
  runsDir?: string
}

export function runsListCommand(): Command {
  return new Command('list')
    .summary('a table of the runs of <model>; `sagepack runs <model>` is short for it')
    .description(
      'List the runs of a model, oldest first, one line each: run id, start time\n' +
        '(UTC), status (completed, failed, stopped or running; "released" marks the run\n' +
        'models/<model>/release.json names), git commit and whether the tree was dirty,\n' +
        'key test metrics (accuracy, f1_macro, log_loss for classification; rmse, mae,\n' +
        'r2 for regression), the tfjs backend it trained on (from metrics.json) and how\n' +
        'long it took.\n\n' +
        'Archived runs (runs/.archive/<model>/) are left out unless --archived.',
    )
    .argument('<model>', 'the model name, as in runs/<model>/')
    .option('--archived', 'also list the runs archived with `sagepack runs archive`')
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ sagepack runs iris\n  $ sagepack runs list iris --archived')
    .action(async (model: string, options: ListOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      const runsRoot = runsRootFrom(workspaceRoot, options.runsDir)
      const folders = listRunFolders(runsRoot, model, { archived: options.archived === true })
      const hidden = options.archived ? 0 : countArchivedRuns(runsRoot, model)
      const releaseFile = releaseFileOf(join(workspaceRoot, 'models', model))
      const releasedRunId = existsSync(releaseFile) ? (await readRelease(releaseFile)).runId : undefined
      if (folders.length === 0 && hidden === 0) {
        noRuns(workspaceRoot, runsRoot, model)
        return
      }
      const runs = await Promise.all(folders.map(readRunSummary))
      const lines = runs.length > 0 ? runsTable(runs, releasedRunId ? { releasedRunId } : {}) : []
      const counted = `${runs.length} run${runs.length === 1 ? '' : 's'} of ${model} in ${shownPath(join(runsRoot, model))}/`
      lines.push('', hidden > 0 ? `${counted}; ${hidden} archived (--archived lists them)` : counted)
      if (releasedRunId && !folders.some((folder) => folder.runId === releasedRunId && !folder.archived)) {
        lines.push(
          `${shownPath(releaseFile)} releases run ${releasedRunId}, which is not here: ` +
            `\`sagepack runs pull ${model} ${releasedRunId}\` fetches it`,
        )
      }
      process.stdout.write(`${lines.join('\n')}\n`)
    })
}

function noRuns(workspaceRoot: string, runsRoot: string, model: string): void {
  const models = listModels(workspaceRoot)
  if (models.includes(model)) {
    process.stdout.write(
      `${model} has no runs in ${shownPath(join(runsRoot, model))}/ yet; train one with \`pnpm train ${model}\`\n`,
    )
    return
  }
  const known = [...new Set([...modelsWithRuns(runsRoot), ...models])].sort()
  throw new UserError({
    input: `model "${model}"`,
    problem: `has no runs in ${runsRoot} and no folder under models/`,
    expected: known.length > 0 ? `one of: ${known.join(', ')}` : 'a model folder under models/',
    fix: 'check the name (and --runs-dir)',
  })
}
