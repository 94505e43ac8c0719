// The run's model as its bundle would serve it, without building the bundle: the model folder's
// inference handler (models/<model>/inference/index.ts, the code a bundle ships as code/inference.mjs)
// loaded through core-serve's handler API, over the run's weights in the format a bundle picks
// (model.onnx when the export kept it) and its fitted preprocessor. Building the archive itself
// (esbuild, tar, gzip, the read-back) would add seconds to every training run and prove nothing more
// about the model's behaviour; the bundle's own tests prove the archive serves the same handler.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type BundleManifest, MANIFEST_FORMAT } from '@sagepack/bundle/manifest'
import { PREPROCESSOR_FILE, Preprocessor, readJsonFile } from '@sagepack/core-data'
import { loadServedModel, ONNX_MODEL_FILE, type ServedModel } from '@sagepack/core-serve'
import type { ModelFolder, RunRecord } from '@sagepack/core-train/workspace'

export async function serveRunModel(
  folder: ModelFolder,
  run: { runDir: string; record: RunRecord; config: unknown },
): Promise<ServedModel> {
  const dir = join(run.runDir, 'model')
  const preprocessorFile = join(dir, PREPROCESSOR_FILE)
  const preprocessor = existsSync(preprocessorFile)
    ? Preprocessor.fromJSON(
        await readJsonFile(preprocessorFile, {
          expected: 'the fitted preprocessor',
          fix: 'train the run again',
        }),
        preprocessorFile,
      )
    : null
  const version = (
    JSON.parse(await readFile(join(folder.dir, 'package.json'), 'utf8')) as { version?: string }
  ).version
  const manifest: BundleManifest = {
    format: MANIFEST_FORMAT,
    name: folder.name,
    version: version ?? '0.0.0',
    git: { commit: run.record.git?.commit ?? null, dirty: run.record.git?.dirty ?? false },
    runId: run.record.id,
    runtime: { name: 'sagepack-runtime', node: '>=20.19', dependencies: {} },
    entry: 'inference/index.ts',
    modelFormat: existsSync(join(dir, ONNX_MODEL_FILE)) ? 'onnx' : 'tfjs',
    files: [],
  }
  return loadServedModel(dir, {
    dir,
    manifest,
    config: run.config,
    preprocessor,
    entryPath: existsSync(folder.inferenceEntry) ? folder.inferenceEntry : null,
  })
}
