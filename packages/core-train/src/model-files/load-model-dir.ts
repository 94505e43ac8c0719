// Loads a model directory written by saveModelDir (or by the tfjs converter) back into a LayersModel,
// with an error that names the directory and the file when something is missing or damaged.

import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { MODEL_JSON } from './model-dir-layout'

const EXPECTED = `a directory with ${MODEL_JSON} and the .bin weight files it lists, as written by saveModelDir`

export async function loadModelDir(dir: string): Promise<tf.LayersModel> {
  const artifacts = await readModelArtifacts(dir)
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts))
  } catch (error) {
    throw damaged(dir, MODEL_JSON, `it does not describe a tfjs layers model (${messageOf(error)})`, error)
  }
}

export async function readModelArtifacts(dir: string): Promise<tf.io.ModelArtifacts> {
  const json = parseModelJson(dir, await readModelFile(dir, MODEL_JSON, 'utf8'))
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights)
    const parts: Uint8Array[] = []
    for (const group of manifest) {
      for (const path of group.paths) parts.push(await readModelFile(dir, weightFileName(dir, path)))
    }
    const data = Buffer.concat(parts)
    const expected = expectedBytes(specs)
    if (expected !== undefined && expected !== data.byteLength) {
      const files = manifest.flatMap((group) => group.paths).join(', ')
      throw damaged(
        dir,
        files,
        `the weights hold ${data.byteLength} bytes but ${MODEL_JSON} describes ${expected}`,
      )
    }
    return [specs, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)]
  })
}

function parseModelJson(dir: string, text: string): tf.io.ModelJSON {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw damaged(dir, MODEL_JSON, `it is not valid JSON (${messageOf(error)})`, error)
  }
  const candidate = json as Partial<tf.io.ModelJSON> | null
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.modelTopology !== 'object') {
    throw damaged(dir, MODEL_JSON, 'it has no modelTopology object')
  }
  const manifest = candidate.weightsManifest
  const wellFormed =
    Array.isArray(manifest) &&
    manifest.every((group) => Array.isArray(group?.paths) && Array.isArray(group?.weights))
  if (!wellFormed) throw damaged(dir, MODEL_JSON, 'its weightsManifest is not a list of { paths, weights }')
  return candidate as tf.io.ModelJSON
}

/** Weight paths are file names inside the model directory; anything else could read outside it. */
function weightFileName(dir: string, path: string): string {
  if (typeof path !== 'string' || path !== basename(path) || path === '..' || path === '.') {
    throw damaged(
      dir,
      MODEL_JSON,
      `weight path ${JSON.stringify(path)} is not a file name inside the directory`,
    )
  }
  return path
}

const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
}

/** undefined when the size cannot be known up front (string tensors). */
function expectedBytes(specs: tf.io.WeightsManifestEntry[]): number | undefined {
  let total = 0
  for (const spec of specs) {
    const bytes = DTYPE_BYTES[spec.quantization?.dtype ?? spec.dtype]
    if (bytes === undefined) return undefined
    total += bytes * spec.shape.reduce((a, b) => a * b, 1)
  }
  return total
}

async function readModelFile(dir: string, name: string): Promise<Buffer>
async function readModelFile(dir: string, name: string, encoding: 'utf8'): Promise<string>
async function readModelFile(dir: string, name: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(join(dir, name), encoding) : await readFile(join(dir, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(
        {
          input: dir,
          problem: `${name} is missing`,
          expected: EXPECTED,
          fix: 'train the model again or point at its model directory',
        },
        { cause: error },
      )
    }
    throw error
  }
}

function damaged(dir: string, file: string, problem: string, cause?: unknown): UserError {
  return new UserError(
    {
      input: join(dir, file),
      problem: `the model file is damaged: ${problem}`,
      expected: EXPECTED,
      fix: 'save the model again; a partial copy or a hand edit can cause this',
    },
    { cause },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
