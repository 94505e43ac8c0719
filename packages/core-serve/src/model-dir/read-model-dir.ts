// Reads an extracted bundle (/opt/ml/model on SageMaker): its manifest, config, fitted preprocessor,
// request schema, example request and where its handler module is; the weights are left to the predictors.
import { join } from 'node:path'
import {
  type BundleManifest,
  EXAMPLE_FILE,
  MANIFEST_FILE,
  parseBundleManifest,
} from '@sagepack/bundle/manifest'
import {
  deriveRequestSchema,
  PREPROCESSOR_FILE,
  Preprocessor,
  parseRequestSchema,
  REQUEST_SCHEMA_FILE,
  type RequestSchema,
} from '@sagepack/core-data'
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
  /**
   * What requests are checked against (schema.json): null when the bundle has no preprocessor, whose
   * rows are the model's numbers already. A bundle of a run from before schema.json gets one derived
   * from preprocessor.json, without training ranges and with every feature required.
   */
  requestSchema: RequestSchema | null
  /** The example request body (example.json, parsed), or undefined when the model has none. */
  example: unknown
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
  const schemaJson = await readBundleJson(dir, REQUEST_SCHEMA_FILE, { optional: true })
  const requestSchema =
    schemaJson !== undefined
      ? parseRequestSchema(schemaJson, join(dir, REQUEST_SCHEMA_FILE))
      : preprocessor === null
        ? null
        : requestSchemaOf(manifest.name, preprocessor)
  const example = await readBundleJson(dir, EXAMPLE_FILE, { optional: true })
  return {
    dir,
    manifest,
    config,
    preprocessor,
    entryPath,
    requestSchema,
    example,
  }
}

function requestSchemaOf(model: string, preprocessor: Preprocessor): RequestSchema {
  const { features, label } = preprocessor.toJSON()
  return deriveRequestSchema({ model, schema: { features, label }, preprocessor })
}
