// `sagepack runs promote <model> <run>`: release a completed run, writing models/<model>/release.json.

import { shownPath, UserError } from '@sagepack/core-data'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { formatMetric, keyMetricColumns, promotableRun, promoteRun } from '@sagepack/runs'
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
        'and archived runs are refused.\n\n' +
        "The champion gate: the run's test metrics must meet the model's evaluate.gates\n" +
        '(floors/ceilings, and the largest drop/rise against the champion release.json\n' +
        'names now); a run that fails one is refused, naming the metric, its value, the\n' +
        'limit and the champion\'s value. --force --reason "..." releases it anyway and\n' +
        'records the override and the failed gates in release.json.',
    )
    .argument('<model>', 'the model name, as in models/<model>/')
    .argument('<run>', 'the id of a completed run under runs/<model>/')
    .option(RUNS_DIR_FLAGS, RUNS_DIR_HELP)
    .option('--force', 'release the run even when it fails a gate (needs --reason)')
    .option('--reason <text>', 'why a run that fails a gate is released anyway; recorded in release.json')
    .exitOverride()
    .addHelpText(
      'after',
      '\nExample:\n  $ sagepack runs promote iris 20261123-164512-3fa2\n' +
        '  recompute the digest by hand:\n' +
        "  $ cd runs/iris/20261123-164512-3fa2/model && find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum",
    )
    .action(
      async (
        model: string,
        runId: string,
        options: { runsDir?: string; force?: boolean; reason?: string },
      ) => {
        const workspaceRoot = findWorkspaceRoot()
        if (Boolean(options.force) !== Boolean(options.reason?.trim())) {
          throw new UserError({
            input: options.force ? '--force' : '--reason',
            problem: options.force ? 'comes without --reason' : 'comes without --force',
            expected: '--force and --reason "why" together, to release a run that fails a gate',
            fix: 'give both, or neither to apply the gates',
          })
        }
        const folder = locateModel(workspaceRoot, model)
        const runsRoot = runsRootFrom(workspaceRoot, options.runsDir)
        // A run that cannot be released at all is refused before its gates are computed.
        await promotableRun({ runsRoot, model, runId })
        // Loaded here: the gate reads the model's config, which loads the training libraries.
        const { failedGates, promotionGate } = await import('@sagepack/evaluate')
        const gate = await promotionGate({ folder, runsRoot, runId })
        const failed = failedGates(gate.verdicts)
        if (failed.length > 0 && !options.force) {
          throw new UserError({
            input: `run ${model}/${runId}`,
            problem: `fails ${failed.length} champion gate${failed.length === 1 ? '' : 's'} of models/${model}/config.ts (evaluate.gates):\n${failed.map((v) => `  - ${v.message}`).join('\n')}`,
            expected: 'a run that meets every gate',
            fix: `train a better run, or release this one anyway with --force --reason "why" (recorded in release.json)`,
          })
        }
        const promoted = await promoteRun({
          runsRoot,
          model,
          runId,
          modelDir: folder.dir,
          evaluation: { metrics: gate.metrics },
          ...(failed.length > 0 && options.reason
            ? { override: { reason: options.reason.trim(), failedGates: failed.map((v) => v.message) } }
            : {}),
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
          ...gate.verdicts.map(
            (v) =>
              `  gate ${v.passed === false ? 'FAILED (overridden)' : v.passed ? 'passed' : 'n/a'}: ${v.message}`,
          ),
          ...(failed.length === 0 && options.force
            ? ['  note: every gate passes; there was nothing to override']
            : []),
          ...(release.git?.dirty
            ? ['  note: the run was trained from a working tree with uncommitted changes']
            : []),
          `next: commit ${shownPath(promoted.releaseFile)}, and \`sagepack runs push ${model} ${runId}\` so CI can fetch the run`,
        ]
        process.stdout.write(`${lines.join('\n')}\n`)
      },
    )
}
