// Reads a tfjs layers model directory (model.json + the .bin files it lists) into memory, so serving
// needs neither tfjs-node's file:// handler nor network access; names the file when one is bad.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import type * as Tf from '@tensorflow/tfjs'
import { importTfjs } from './import-runtime'

export const TFJS_MODEL_FILE = 'model.json'

const EXPECTED = `${TFJS_MODEL_FILE} and the .bin weight files it lists, as sagepack train saves them`

export async function readTfjsArtifacts(dir: string): Promise<Tf.io.ModelArtifacts> {
  const tf = await importTfjs()
  const json = parseModelJson(dir, await readModelFile(dir, TFJS_MODEL_FILE, 'utf8'))
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const parts: Buffer[] = []
    for (const group of manifest) {
      for (const path of group.paths) parts.push(await readModelFile(dir, weightFileName(dir, path)))
    }
    const data = Buffer.concat(parts)
    return [
      manifest.flatMap((group) => group.weights),
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    ]
  })
}

function parseModelJson(dir: string, text: string): Tf.io.ModelJSON {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw damaged(dir, TFJS_MODEL_FILE, `it is not valid JSON (${messageOf(error)})`, error)
  }
  const candidate = json as Partial<Tf.io.ModelJSON> | null
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.modelTopology !== 'object') {
    throw damaged(dir, TFJS_MODEL_FILE, 'it has no modelTopology object')
  }
  const manifest = candidate.weightsManifest
  const wellFormed =
    Array.isArray(manifest) &&
    manifest.every((group) => Array.isArray(group?.paths) && Array.isArray(group?.weights))
  if (!wellFormed)
    throw damaged(dir, TFJS_MODEL_FILE, 'its weightsManifest is not a list of { paths, weights }')
  return candidate as Tf.io.ModelJSON
}

/** Weight paths must be file names inside the bundle: anything else could read outside it. */
function weightFileName(dir: string, path: unknown): string {
  if (typeof path !== 'string' || path !== basename(path) || path === '..' || path === '.') {
    throw damaged(
      dir,
      TFJS_MODEL_FILE,
      `weight path ${JSON.stringify(path)} is not a file name inside the bundle`,
    )
  }
  return path
}

async function readModelFile(dir: string, name: string): Promise<Buffer>
async function readModelFile(dir: string, name: string, encoding: 'utf8'): Promise<string>
async function readModelFile(dir: string, name: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(join(dir, name), encoding) : await readFile(join(dir, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UserError(
      {
        input: join(dir, name),
        problem: `${name} is missing`,
        expected: `${EXPECTED}, since manifest.json says modelFormat is tfjs`,
        fix: 'rebuild the bundle with `sagepack bundle`',
      },
      { cause: error },
    )
  }
}

function damaged(dir: string, file: string, problem: string, cause?: unknown): UserError {
  return new UserError(
    {
      input: join(dir, file),
      problem: `the model cannot be served: ${problem}`,
      expected: EXPECTED,
      fix: 'save the model again; a partial copy or a hand edit can cause this',
    },
    { cause },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
