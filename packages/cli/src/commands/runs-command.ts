// `sagepack runs`: a model's runs (list, the default, compare, promote, archive), and push|pull to
// share a run through the team's artifact store, so experiments are shared rather than redone.
import { defaultArtifactStoreUri, openArtifactStore, shownPath } from '@sagepack/core-data'
import { findWorkspaceRoot } from '@sagepack/core-train/workspace'
import { pullRun, pushRun, runArchiveKey } from '@sagepack/runs'
import { Command } from 'commander'
import { archiveProgress } from '../build-bundle/archive-progress'
import { formatBytes } from '../build-bundle/format-bytes'
import { runsArchiveCommand } from './runs-archive-command'
import { runsCompareCommand } from './runs-compare-command'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'
import { runsListCommand } from './runs-list-command'
import { runsPromoteCommand } from './runs-promote-command'

interface StoreOptions {
  store?: string
  runsDir?: string
}

/** A bar from 8 MiB on: network transfers are slower than writing an archive to disk. */
const MIN_BAR_BYTES = 8 * 1024 * 1024

const STORE_HELP =
  'the artifact store: s3://bucket/prefix/, file:///folder/ or a folder path\n' +
  '(default: $SAGEPACK_ARTIFACT_STORE, else .sagepack/store/ in the workspace)'

export function runsCommand(): Command {
  return (
    new Command('runs')
      .summary('list, compare, promote and archive runs; share them with push and pull')
      .usage('<model> [--archived] | <command> [options] <args>')
      .description(
        'Work with the runs of a model, which `sagepack train` keeps in\n' +
          'runs/<model>/<run-id>/. `sagepack runs <model>` lists them (short for\n' +
          '`sagepack runs list <model>`); compare shows two side by side; promote names\n' +
          'the one a merge deploys in models/<model>/release.json; archive moves one to\n' +
          'runs/.archive/<model>/.\n\n' +
          'push and pull share a run through the artifact store, as\n' +
          'runs/<model>/<run-id>.tar.gz with its sha256, which pulls check.',
      )
      // Commands added with addCommand do not inherit the program's exitOverride: without their own,
      // --help and usage errors would end the process instead of returning main()'s exit code.
      .exitOverride()
      // The default: `sagepack runs iris` lists, since `iris` is not a subcommand's name.
      .addCommand(runsListCommand(), { isDefault: true })
      .addCommand(runsCompareCommand())
      .addCommand(runsPromoteCommand())
      .addCommand(runsArchiveCommand())
      .addCommand(pushCommand())
      .addCommand(pullCommand())
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  $ sagepack runs iris\n' +
          '  $ sagepack runs compare iris 20261123-164512-3fa2 20261124-090211-b7c0\n' +
          '  $ sagepack runs promote iris 20261124-090211-b7c0\n' +
          '  $ sagepack runs archive iris 20261123-164512-3fa2\n' +
          '  $ sagepack runs push iris 20261124-090211-b7c0',
      )
  )
}

function pushCommand(): Command {
  return new Command('push')
    .summary('upload runs/<model>/<run> to the artifact store')
    .description(
      'Pack a finished run folder (every file and folder; links and credential files are refused) into a\n' +
        'reproducible runs/<model>/<run>.tar.gz and upload it to the artifact store (multipart to S3 for large\n' +
        'runs). Pushing a run the store already holds, byte for byte, uploads nothing; an archive of the same\n' +
        'run with other contents is only replaced with --force.',
    )
    .argument('<model>', 'the model name, as in runs/<model>/')
    .argument('<run>', 'the run id, the folder name under runs/<model>/')
    .option('--store <uri>', STORE_HELP)
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .option('--force', 'replace an archive of this run that holds other contents')
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ sagepack runs push iris 20261123-164512-3fa2\n' +
        '  $ sagepack runs push iris 20261123-164512-3fa2 --store s3://my-artifacts/sagepack/\n' +
        '  $ SAGEPACK_ARTIFACT_STORE=s3://my-artifacts/sagepack/ sagepack runs push iris 20261123-164512-3fa2',
    )
    .action(async (model: string, runId: string, options: StoreOptions & { force?: boolean }) => {
      const { store, runsRoot } = locate(options)
      const progress = archiveProgress({
        label: `uploading ${runArchiveKey(model, runId)}`,
        minBytes: MIN_BAR_BYTES,
      })
      try {
        const pushed = await pushRun({
          store,
          runsRoot,
          model,
          runId,
          ...(options.force ? { force: true } : {}),
          onProgress: progress.update,
        })
        progress.stop()
        const what = `${formatBytes(pushed.size)}, ${pushed.entries} entries, sha256 ${pushed.sha256.slice(0, 12)}`
        process.stdout.write(
          pushed.outcome === 'unchanged'
            ? `run ${model}/${runId} is already in ${pushed.uri} (${what}); nothing uploaded\n`
            : `${pushed.outcome === 'replaced' ? 'replaced' : 'pushed'} run ${model}/${runId} to ${pushed.uri} (${what})\n`,
        )
      } finally {
        progress.stop()
      }
    })
}

function pullCommand(): Command {
  return new Command('pull')
    .summary('fetch runs/<model>/<run> from the artifact store')
    .description(
      'Download a run archived with `sagepack runs push`, check its sha256 against the one recorded at push,\n' +
        'and unpack it into runs/<model>/<run>/. An existing run folder is never overwritten.',
    )
    .argument('<model>', 'the model name, as in runs/<model>/')
    .argument('<run>', 'the run id')
    .option('--store <uri>', STORE_HELP)
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ sagepack runs pull iris 20261123-164512-3fa2 --store s3://my-artifacts/sagepack/\n' +
        '  $ sagepack runs pull iris 20261123-164512-3fa2 --runs-dir /tmp/shared-runs',
    )
    .action(async (model: string, runId: string, options: StoreOptions) => {
      const { store, runsRoot } = locate(options)
      const progress = archiveProgress({
        label: `downloading ${runArchiveKey(model, runId)}`,
        minBytes: MIN_BAR_BYTES,
      })
      try {
        const pulled = await pullRun({ store, runsRoot, model, runId, onProgress: progress.update })
        progress.stop()
        process.stdout.write(
          `pulled run ${model}/${runId} from ${pulled.uri} into ${shownPath(pulled.dir)} ` +
            `(${formatBytes(pulled.size)}, sha256 ${pulled.sha256.slice(0, 12)} verified)\n`,
        )
      } finally {
        progress.stop()
      }
    })
}

function locate(options: StoreOptions) {
  const workspaceRoot = findWorkspaceRoot()
  return {
    store: openArtifactStore(options.store ?? defaultArtifactStoreUri(workspaceRoot)),
    runsRoot: runsRootFrom(workspaceRoot, options.runsDir),
  }
}
