// `sagepack runs archive <model> <run>`: move a run out of the daily list, keeping it.
import { join } from 'node:path'
import { shownPath } from '@sagepack/core-data'
import { findWorkspaceRoot } from '@sagepack/core-train/workspace'
import { archiveRun, releaseFileOf } from '@sagepack/runs'
import { Command } from 'commander'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'

export function runsArchiveCommand(): Command {
  return new Command('archive')
    .summary('move a run to runs/.archive/<model>/ (kept, not listed daily)')
    .description(
      'Move runs/<model>/<run>/ to runs/.archive/<model>/<run>/: the run is kept byte\n' +
        'for byte, but `sagepack runs <model>` lists it only with --archived, and\n' +
        'bundling never picks it. Nothing is deleted; move the folder back to restore\n' +
        'it. The run release.json names and a running run are refused.\n\n' +
        'To share a run through the artifact store instead, see `sagepack runs push`.',
    )
    .argument('<model>', 'the model name, as in runs/<model>/')
    .argument('<run>', 'the run id, the folder name under runs/<model>/')
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .option('--force', 'archive a run whose run.json still says running (its process died)')
    .exitOverride()
    .addHelpText('after', '\nExample:\n  $ sagepack runs archive iris 20261123-164512-3fa2')
    .action(async (model: string, runId: string, options: { runsDir?: string; force?: boolean }) => {
      const workspaceRoot = findWorkspaceRoot()
      const moved = await archiveRun({
        runsRoot: runsRootFrom(workspaceRoot, options.runsDir),
        model,
        runId,
        releaseFile: releaseFileOf(join(workspaceRoot, 'models', model)),
        ...(options.force ? { force: true } : {}),
      })
      process.stdout.write(
        `archived run ${model}/${runId}: moved to ${shownPath(moved.to)}\n` +
          `  kept, not deleted; \`sagepack runs ${model} --archived\` lists it, and moving the folder back restores it\n`,
      )
    })
}
