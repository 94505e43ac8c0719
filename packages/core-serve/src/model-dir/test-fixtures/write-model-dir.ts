// Test fixture: writes a real extracted bundle to a temporary folder: a seeded MLP as model.onnx or as
// tfjs model.json + weights.bin, a preprocessor fitted with core-data, config.json, manifest.json
// with real digests, and optionally a handler module code/inference.mjs given as plain JS, the request
// schema training writes (schema.json) and an example request (example.json).
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { BundleManifest } from '@sagepack/bundle/manifest'
import {
  type DataRecord,
  type DatasetSchema,
  deriveRequestSchema,
  fitPreprocessor,
  type Preprocessor,
  requestSchemaDocument,
} from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import {
  encodeOnnxMlp,
  encodeOnnxMlpWithExternalData,
  type MlpSpec,
  seededLayers,
} from '../../predictors/test-fixtures/onnx-mlp'

export const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] as const
export const IRIS_CLASSES = ['setosa', 'versicolor', 'virginica'] as const

const IRIS_TRAIN: ReadonlyArray<readonly [number, number, number, number, string]> = [
  [5.1, 3.5, 1.4, 0.2, 'setosa'],
  [4.9, 3.0, 1.4, 0.2, 'setosa'],
  [7.0, 3.2, 4.7, 1.4, 'versicolor'],
  [6.4, 3.2, 4.5, 1.5, 'versicolor'],
  [6.3, 3.3, 6.0, 2.5, 'virginica'],
  [5.8, 2.7, 5.1, 1.9, 'virginica'],
]

/** What schema.json says training saw of each feature (the smallest and largest of IRIS_TRAIN). */
export const IRIS_TRAINING_RANGES = {
  sepal_length: { min: 4.9, max: 7.0 },
  sepal_width: { min: 2.7, max: 3.5 },
  petal_length: { min: 1.4, max: 6.0 },
  petal_width: { min: 0.2, max: 2.5 },
} as const

/** Serving rows as objects, e.g. what a JSON request decodes to. */
export const IRIS_ROWS: ReadonlyArray<Record<string, number>> = [
  { sepal_length: 5.0, sepal_width: 3.4, petal_length: 1.5, petal_width: 0.2 },
  { sepal_length: 6.7, sepal_width: 3.1, petal_length: 4.4, petal_width: 1.4 },
  { sepal_length: 6.9, sepal_width: 3.1, petal_length: 5.4, petal_width: 2.1 },
]

export interface ModelDirOptions {
  format?: 'onnx' | 'tfjs'
  /** ONNX only: the weight matrices in model.onnx.data, as core-train exports big models. */
  externalData?: boolean
  task?: 'classification' | 'regression'
  /** Source of code/inference.mjs; none means the default handler. */
  handler?: string
  /** Leave out preprocessor.json. */
  withoutPreprocessor?: boolean
  /** Fields to override in manifest.json. */
  manifest?: Record<string, unknown>
  /** Write schema.json as training does, with the training rows' ranges (IRIS_TRAINING_RANGES). */
  withSchema?: boolean
  /** Write this as example.json. */
  example?: unknown
  /** Sections to add to config.json, e.g. `{ serve: { batching: { maxRows: 8 } } }`. */
  config?: Record<string, unknown>
}

export interface WrittenModelDir {
  dir: string
  spec: MlpSpec
  preprocessor: Preprocessor
}

const dirs: string[] = []

export async function writeModelDir(options: ModelDirOptions = {}): Promise<WrittenModelDir> {
  const dir = await mkdtemp(join(tmpdir(), 'sagepack-model-'))
  dirs.push(dir)
  const task = options.task ?? 'classification'
  const preprocessor = fitPreprocessor(irisSchema(task), irisRecords(task))
  const outputs = task === 'classification' ? IRIS_CLASSES.length : 1
  const spec: MlpSpec = {
    layers: seededLayers([IRIS_FEATURES.length, 16, 16, outputs], 7),
    softmax: outputs > 1,
  }
  const format = options.format ?? 'onnx'
  if (format === 'onnx' && options.externalData) {
    const { model, data } = encodeOnnxMlpWithExternalData(spec)
    await writeFile(join(dir, 'model.onnx.data'), data)
    await writeFile(join(dir, 'model.onnx'), model)
  } else if (format === 'onnx') await writeFile(join(dir, 'model.onnx'), encodeOnnxMlp(spec))
  else await writeTfjsModel(dir, spec)
  await writeFile(
    join(dir, 'config.json'),
    `${JSON.stringify({ model: { hiddenUnits: [16, 16] }, ...options.config })}\n`,
  )
  if (!options.withoutPreprocessor) {
    await writeFile(join(dir, 'preprocessor.json'), `${JSON.stringify(preprocessor.toJSON())}\n`)
  }
  if (options.withSchema) {
    const schema = deriveRequestSchema({
      model: 'iris',
      schema: irisSchema(task),
      preprocessor,
      training: irisRecords(task),
    })
    await writeFile(join(dir, 'schema.json'), `${JSON.stringify(requestSchemaDocument(schema))}\n`)
  }
  if (options.example !== undefined) {
    await writeFile(join(dir, 'example.json'), `${JSON.stringify(options.example)}\n`)
  }
  if (options.handler !== undefined) {
    await mkdir(join(dir, 'code'), { recursive: true })
    await writeFile(join(dir, 'code', 'inference.mjs'), options.handler)
  }
  const manifest: BundleManifest = {
    format: 'sagepack.bundle/v1',
    name: 'iris',
    version: '1.0.0',
    git: { commit: null, dirty: false },
    runId: '20250101-000000-test',
    runtime: { name: 'sagepack-runtime/1', node: '>=20', dependencies: { 'onnxruntime-node': '1.30.0' } },
    entry: 'code/inference.mjs',
    modelFormat: format,
    files: await digests(dir),
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify({ ...manifest, ...options.manifest })}\n`)
  return { dir, spec, preprocessor }
}

export async function removeModelDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

function irisSchema(task: 'classification' | 'regression'): DatasetSchema {
  const features = IRIS_FEATURES.map((name) => ({ name, kind: 'numeric' as const }))
  if (task === 'classification') {
    return { features, label: { name: 'species', kind: 'class', classes: [...IRIS_CLASSES] } }
  }
  return { features, label: { name: 'petal_area', kind: 'numeric' } }
}

function irisRecords(task: 'classification' | 'regression'): DataRecord[] {
  return IRIS_TRAIN.map(([sl, sw, pl, pw, species], index) => ({
    source: 'iris.csv',
    line: index + 2,
    values: {
      sepal_length: sl,
      sepal_width: sw,
      petal_length: pl,
      petal_width: pw,
      ...(task === 'classification' ? { species } : { petal_area: pl * pw }),
    },
  }))
}

/** The same MLP as tfjs layers, saved the way core-train saves models: model.json + weights.bin. */
async function writeTfjsModel(dir: string, spec: MlpSpec): Promise<void> {
  const model = tf.sequential()
  spec.layers.forEach((layer, index) => {
    const last = index === spec.layers.length - 1
    const dense = tf.layers.dense({
      units: layer.outputs,
      activation: last ? (spec.softmax ? 'softmax' : 'linear') : 'relu',
      ...(index === 0 ? { inputShape: [layer.inputs] } : {}),
    })
    model.add(dense)
    dense.setWeights([tf.tensor2d(layer.weights, [layer.inputs, layer.outputs]), tf.tensor1d(layer.bias)])
  })
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData
        ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
        : new ArrayBuffer(0)
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology ?? {},
        format: 'layers-model',
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      }
      await writeFile(join(dir, 'model.json'), JSON.stringify(json))
      await writeFile(join(dir, 'weights.bin'), new Uint8Array(weights))
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) }
    }),
  )
  model.dispose()
}

async function digests(dir: string): Promise<BundleManifest['files']> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name)
        const bytes = await readFile(path)
        return {
          path: relative(dir, path).split('\\').join('/'),
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.length,
        }
      }),
  )
  return files.sort((a, b) => (a.path < b.path ? -1 : 1))
}
