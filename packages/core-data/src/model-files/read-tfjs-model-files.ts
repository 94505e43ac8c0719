// Reads a tfjs layers model directory (model.json + the .bin files it lists) into memory, checked:
// the one reader training (to resume and evaluate) and serving (the tfjs predictor) share. It needs
// no tfjs: the result is the plain ModelArtifacts object tfjs's fromMemory() takes.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError } from '../errors/user-error'

export const TFJS_MODEL_FILE = 'model.json'

/** One entry of model.json's weightsManifest[].weights, as far as reading needs it. */
export interface TfjsWeightSpec {
  name: string
  shape: number[]
  dtype: string
  quantization?: { dtype: string }
}

/** tfjs's io.ModelArtifacts for a layers model, loaded from files. */
export interface TfjsModelArtifacts {
  modelTopology: object
  format?: string
  generatedBy?: string
  convertedBy?: string | null
  trainingConfig?: object
  userDefinedMetadata?: Record<string, unknown>
  weightSpecs: TfjsWeightSpec[]
  weightData: ArrayBuffer
}

interface ModelJson extends Omit<TfjsModelArtifacts, 'weightSpecs' | 'weightData'> {
  weightsManifest: Array<{ paths: string[]; weights: TfjsWeightSpec[] }>
}

const EXPECTED = `a folder with ${TFJS_MODEL_FILE} and the .bin weight files it lists, as sagepack train saves them`

const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
}

export async function readTfjsModelFiles(dir: string): Promise<TfjsModelArtifacts> {
  const { weightsManifest, ...json } = parseModelJson(dir, await readModelFile(dir, TFJS_MODEL_FILE, 'utf8'))
  const weightSpecs = weightsManifest.flatMap((group) => group.weights)
  const parts: Buffer[] = []
  for (const group of weightsManifest) {
    for (const path of group.paths) parts.push(await readModelFile(dir, weightFileName(dir, path)))
  }
  const data = Buffer.concat(parts)
  const expected = expectedBytes(weightSpecs)
  if (expected !== undefined && expected !== data.byteLength) {
    const files = weightsManifest.flatMap((group) => group.paths).join(', ')
    throw damaged(
      dir,
      files,
      `the weights hold ${data.byteLength} bytes but ${TFJS_MODEL_FILE} describes ${expected}`,
    )
  }
  return {
    ...json,
    weightSpecs,
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  }
}

function parseModelJson(dir: string, text: string): ModelJson {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw damaged(dir, TFJS_MODEL_FILE, `it is not valid JSON (${(error as Error).message})`, error)
  }
  const candidate = json as Partial<ModelJson> | null
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.modelTopology !== 'object') {
    throw damaged(dir, TFJS_MODEL_FILE, 'it has no modelTopology object')
  }
  const manifest = candidate.weightsManifest
  const wellFormed =
    Array.isArray(manifest) &&
    manifest.every((group) => Array.isArray(group?.paths) && Array.isArray(group?.weights))
  if (!wellFormed)
    throw damaged(dir, TFJS_MODEL_FILE, 'its weightsManifest is not a list of { paths, weights }')
  return candidate as ModelJson
}

/** Weight paths must be file names inside the folder: anything else could read outside it. */
function weightFileName(dir: string, path: unknown): string {
  if (typeof path !== 'string' || path !== basename(path) || path === '..' || path === '.') {
    throw damaged(
      dir,
      TFJS_MODEL_FILE,
      `weight path ${JSON.stringify(path)} is not a file name inside the folder`,
    )
  }
  return path
}

/** undefined when the size cannot be known up front (string tensors). */
function expectedBytes(specs: TfjsWeightSpec[]): number | undefined {
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
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UserError(
      {
        input: join(dir, name),
        problem: `${name} is missing`,
        expected: EXPECTED,
        fix: 'train the model again, or bundle it again',
      },
      { cause: error },
    )
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
