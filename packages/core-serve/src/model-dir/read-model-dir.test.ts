import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { afterAll, describe, expect, it } from 'vitest'
import { readModelDir } from './read-model-dir'
import {
  IRIS_CLASSES,
  IRIS_FEATURES,
  IRIS_TRAINING_RANGES,
  removeModelDirs,
  writeModelDir,
} from './test-fixtures/write-model-dir'

afterAll(removeModelDirs)

async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (error instanceof UserError) return error
  throw new Error(`expected a UserError, got ${String(error)}`)
}

describe('readModelDir', () => {
  it('reads manifest, config and preprocessor, and finds the handler entry', async () => {
    const { dir } = await writeModelDir({ handler: 'export default {}\n' })
    const model = await readModelDir(dir)
    expect(model.manifest).toMatchObject({ name: 'iris', modelFormat: 'onnx', entry: 'code/inference.mjs' })
    expect(model.manifest.files.map((file) => file.path)).toContain('model.onnx')
    expect(model.config).toEqual({ model: { hiddenUnits: [16, 16] } })
    expect(model.preprocessor?.width).toBe(IRIS_FEATURES.length)
    expect(model.preprocessor?.classes()).toEqual(IRIS_CLASSES)
    expect(model.entryPath).toBe(join(dir, 'code', 'inference.mjs'))
  })

  it('serves a bundle without handler code or preprocessor with defaults', async () => {
    const { dir } = await writeModelDir({ withoutPreprocessor: true })
    const model = await readModelDir(dir)
    expect(model.entryPath).toBeNull()
    expect(model.preprocessor).toBeNull()
  })

  it('names the missing file', async () => {
    const { dir } = await writeModelDir()
    await rm(join(dir, 'config.json'))
    const error = await userErrorOf(readModelDir(dir))
    expect(error.input).toBe(join(dir, 'config.json'))
    expect(error.problem).toBe('config.json is missing')
    await expect(readModelDir(join(dir, 'nowhere'))).rejects.toThrow(/manifest\.json is missing/)
  })

  it('names a file that is not JSON', async () => {
    const { dir } = await writeModelDir()
    await writeFile(join(dir, 'preprocessor.json'), '{"format": ')
    const error = await userErrorOf(readModelDir(dir))
    expect(error.input).toBe(join(dir, 'preprocessor.json'))
    expect(error.problem).toMatch(/not valid JSON/)
  })

  it('names a damaged preprocessor.json field', async () => {
    const { dir } = await writeModelDir()
    const state = JSON.parse(await readFile(join(dir, 'preprocessor.json'), 'utf8'))
    state.columns = []
    await writeFile(join(dir, 'preprocessor.json'), JSON.stringify(state))
    await expect(readModelDir(dir)).rejects.toThrow(/preprocessor\.json.*columns/s)
  })

  it('rejects another bundle format, a bad key and an entry outside the bundle', async () => {
    const other = await writeModelDir({ manifest: { format: 'sagepack.bundle/v9' } })
    expect((await userErrorOf(readModelDir(other.dir))).problem).toMatch(
      /"sagepack.bundle\/v9" is not supported/,
    )

    const badFormat = await writeModelDir({ manifest: { modelFormat: 'pickle' } })
    const error = await userErrorOf(readModelDir(badFormat.dir))
    expect(error.input).toBe(`${join(badFormat.dir, 'manifest.json')}, key 'modelFormat'`)
    expect(error.expected).toBe('onnx or tfjs')

    const badFile = await writeModelDir({
      manifest: { files: [{ path: 'model.onnx', sha256: 'abc', size: 1 }] },
    })
    expect((await userErrorOf(readModelDir(badFile.dir))).input).toMatch(/key 'files\[0\]\.sha256'$/)

    const outside = await writeModelDir({ manifest: { entry: '../../etc/inference.mjs' } })
    expect((await userErrorOf(readModelDir(outside.dir))).problem).toMatch(/points outside the bundle/)
  })

  it('rejects an entry that is a folder', async () => {
    const { dir } = await writeModelDir()
    await mkdir(join(dir, 'code', 'inference.mjs'), { recursive: true })
    expect((await userErrorOf(readModelDir(dir))).problem).toBe('the handler entry is not a file')
  })

  it('reads the request schema and the example the bundle carries', async () => {
    const example = { instances: [[5.1, 3.5, 1.4, 0.2]] }
    const { dir } = await writeModelDir({ withSchema: true, example })
    const model = await readModelDir(dir)
    expect(model.requestSchema?.features.map((feature) => [feature.name, feature.trainingRange])).toEqual(
      IRIS_FEATURES.map((name) => [name, IRIS_TRAINING_RANGES[name]]),
    )
    expect(model.example).toEqual(example)
  })

  it('derives a schema requiring every feature for a bundle from before schema.json, none without a preprocessor', async () => {
    const older = await readModelDir((await writeModelDir()).dir)
    expect(older.requestSchema?.features.map((feature) => feature.name)).toEqual([...IRIS_FEATURES])
    expect(
      older.requestSchema?.features.every((f) => f.fill === undefined && f.trainingRange === undefined),
    ).toBe(true)
    expect(older.example).toBeUndefined()
    expect(
      (await readModelDir((await writeModelDir({ withoutPreprocessor: true })).dir)).requestSchema,
    ).toBeNull()
  })

  it('names a damaged schema.json', async () => {
    const { dir } = await writeModelDir()
    await writeFile(join(dir, 'schema.json'), '{"x-sagepack-format": "sagepack.schema/v0"}')
    const error = await userErrorOf(readModelDir(dir))
    expect(error.input).toBe(`${join(dir, 'schema.json')}, field 'x-sagepack-format'`)
    expect(error.fix).toMatch(/rebuild the bundle/)
  })
})
