// Reads an extracted bundle (/opt/ml/model on SageMaker): its manifest, config, fitted preprocessor
// and where its handler module is; the weights are left to the predictors.
import { join } from 'node:path'
import { type BundleManifest, MANIFEST_FILE, parseBundleManifest } from '@sagepack/bundle/manifest'
import { PREPROCESSOR_FILE, Preprocessor } from '@sagepack/core-data'
import { readBundleJson } from './read-bundle-json'
import { resolveHandlerEntry } from './resolve-handler-entry'

export const CONFIG_FILE = 'config.json'

export interface ModelDir {
  /** The extracted bundle. */
  dir: string
  manifest: BundleManifest
  /** config.json: the resolved model config the bundle was built with. */
  config: unknown
  /** preprocessor.json, or null when the bundle has none (the model then takes arrays of numbers). */
  preprocessor: Preprocessor | null
  /** Absolute path of the handler module, or null when the bundle has none (the default handler). */
  entryPath: string | null
}

export async function readModelDir(dir: string): Promise<ModelDir> {
  const manifest = parseBundleManifest(await readBundleJson(dir, MANIFEST_FILE), join(dir, MANIFEST_FILE))
  const config = await readBundleJson(dir, CONFIG_FILE)
  const preprocessorJson = await readBundleJson(dir, PREPROCESSOR_FILE, { optional: true })
  const preprocessor =
    preprocessorJson === undefined
      ? null
      : Preprocessor.fromJSON(preprocessorJson, join(dir, PREPROCESSOR_FILE))
  const entryPath = await resolveHandlerEntry(dir, manifest.entry, join(dir, MANIFEST_FILE))
  return { dir, manifest, config, preprocessor, entryPath }
}
