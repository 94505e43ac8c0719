// `sagepack runs promote <model> <run>`: release a completed run, writing models/<model>/release.json.

import { shownPath } from '@sagepack/core-data'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { formatMetric, keyMetricColumns, promoteRun } from '@sagepack/runs'
import { Command } from 'commander'
import { RUNS_DIR_FLAGS, RUNS_DIR_HELP, runsRootFrom } from './runs-dir-option'

export function runsPromoteCommand(): Command {
  return new Command('promote')
    .summary('release a completed run: write models/<model>/release.json')
    .description(
      'Name a completed run as the one a merge deploys: write\n' +
        'models/<model>/release.json (atomically) with the run id; "sha256", the digest\n' +
        'of its artifacts: the sha256 of the `sha256sum` listing of every file under\n' +
        `the run's model/ folder (paths relative to model/, in byte order); those files\n` +
        'with their digests; the sha256 of its config.json; its split metrics, backend\n' +
        'and git commit.\n\n' +
        '`sagepack bundle` (in CI and in `sagepack deploy`) then bundles that run, and\n' +
        `refuses it when its artifacts' digest differs. Commit release.json, and push\n` +
        'the run so CI can fetch it (`sagepack runs push`). Failed, stopped, running\n' +
        'and archived runs are refused.',
    )
    .argument('<model>', 'the model name, as in models/<model>/')
    .argument('<run>', 'the id of a completed run under runs/<model>/')
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .exitOverride()
    .addHelpText(
      'after',
      '\nExample:\n  $ sagepack runs promote iris 20261123-164512-3fa2\n' +
        '  recompute the digest by hand:\n' +
        "  $ cd runs/iris/20261123-164512-3fa2/model && find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum",
    )
    .action(async (model: string, runId: string, options: { runsDir?: string }) => {
      const workspaceRoot = findWorkspaceRoot()
      const promoted = await promoteRun({
        runsRoot: runsRootFrom(workspaceRoot, options.runsDir),
        model,
        runId,
        modelDir: locateModel(workspaceRoot, model).dir,
      })
      const { release } = promoted
      const metrics = release.metrics ?? {}
      const keyMetrics = keyMetricColumns([metrics])
        .map((key) => `${key.replace('.', '_')} ${formatMetric(metrics[key])}`)
        .join(', ')
      const lines = [
        `promoted run ${model}/${runId} in ${shownPath(promoted.releaseFile)}` +
          (promoted.replaced ? ` (it released ${promoted.replaced} before)` : ''),
        `  artifacts sha256 ${release.sha256} (${release.artifacts?.length ?? 0} files in model/)`,
        `  config sha256 ${release.configSha256}`,
        ...(keyMetrics ? [`  ${keyMetrics}`] : []),
        ...(release.git?.dirty
          ? ['  note: the run was trained from a working tree with uncommitted changes']
          : []),
        `next: commit ${shownPath(promoted.releaseFile)}, and \`sagepack runs push ${model} ${runId}\` so CI can fetch the run`,
      ]
      process.stdout.write(`${lines.join('\n')}\n`)
    })
}
