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
  const requestSchema = servedRequestSchema(
    manifest.name,
    preprocessor,
    schemaJson,
    join(dir, REQUEST_SCHEMA_FILE),
  )
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

/**
 * What the rows of a model are checked against: its schema.json (`schemaJson`, read from `file`), else
 * one derived from its preprocessor (a run from before schema.json: every feature required), else none.
 * Serving and the evaluation's behaviour checks share it, so both answer the same rows alike.
 */
export function servedRequestSchema(
  model: string,
  preprocessor: Preprocessor | null,
  schemaJson: unknown,
  file: string,
): RequestSchema | null {
  if (schemaJson !== undefined) return parseRequestSchema(schemaJson, file)
  if (preprocessor === null) return null
  const { features, label } = preprocessor.toJSON()
  return deriveRequestSchema({ model, schema: { features, label }, preprocessor })
}
