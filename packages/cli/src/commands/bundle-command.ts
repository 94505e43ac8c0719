// `sagepack bundle <model>`: build models/<model>/dist/model.tar.gz from a run (training one first
// when the model has none), ready for SageMaker.
import { resolve } from 'node:path'
import { defaultRunsRoot, findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { buildBundle } from '../build-bundle/build-bundle'

interface BundleOptions {
  run?: string
  out?: string
  runsDir?: string
  timings?: boolean
}

export function bundleCommand(): Command {
  return new Command('bundle')
    .summary('write models/<model>/dist/model.tar.gz for SageMaker from a run')
    .description(
      'Bundle a trained run as a SageMaker model.tar.gz: weights (model.onnx, or model.json + weights.bin),\n' +
        "preprocessor.json, config.json, code/inference.mjs (the model's handler, bundled with esbuild),\n" +
        'code/package.json and manifest.json with the sha256 of every file. The archive is byte-for-byte\n' +
        'reproducible and is verified before it replaces the previous one.\n\n' +
        'The run is the one given with --run, else the one models/<model>/release.json names, else the\n' +
        'latest completed run; a model with no run is trained first.',
    )
    .argument('<model>', 'the model folder name under models/')
    .option('--run <run-id>', 'bundle this run instead of the released or latest one')
    .option('--out <file>', 'where to write the archive (default: models/<model>/dist/model.tar.gz)')
    .option('--runs-dir <dir>', 'where runs are kept (default: runs/ at the workspace root)')
    .option('--timings', 'print the wall and CPU time of each phase (collect and hash, compress, ...)')
    .action(async (name: string, options: BundleOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      await buildBundle({
        workspaceRoot,
        folder: locateModel(workspaceRoot, name),
        runsRoot: options.runsDir ? resolve(options.runsDir) : defaultRunsRoot(workspaceRoot),
        ...(options.run ? { runId: options.run } : {}),
        ...(options.out ? { outFile: resolve(options.out) } : {}),
        timings: options.timings === true,
      })
    })
}
