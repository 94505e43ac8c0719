import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadModelDir } from './load-model-dir'
import { saveModelDir } from './save-model-dir'

let root: string

beforeAll(async () => {
  await tf.setBackend('wasm')
  root = await mkdtemp(join(tmpdir(), 'sagepack-model-dir-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

function tinyModel(seed: number, hidden = 5): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [3],
        units: hidden,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
      tf.layers.batchNormalization(),
      tf.layers.dense({
        units: 2,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
    ],
  })
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] })
  return model
}

const input = () => tf.tensor2d([0.1, -2, 3, 4, 0.5, -0.25, 1, 1, 1], [3, 3])

async function predict(model: tf.LayersModel): Promise<Float32Array> {
  const out = model.predict(input()) as tf.Tensor
  return (await out.data()) as Float32Array
}

describe('saveModelDir / loadModelDir', () => {
  it('round-trips a model to identical predictions', async () => {
    const model = tinyModel(1)
    // One training step moves the batch-norm statistics away from their defaults, so they are checked too.
    await model.trainOnBatch(input(), tf.tensor2d([1, 0, 0, 1, 1, 0], [3, 2]))
    const dir = join(root, 'round-trip', 'model')
    await saveModelDir(model, dir)
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin'])
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'))
    expect(json.format).toBe('layers-model')
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin'])
    const loaded = await loadModelDir(dir)
    expect(Array.from(await predict(loaded))).toEqual(Array.from(await predict(model)))
  })

  it('replaces an existing directory and leaves no temporary siblings', async () => {
    const parent = join(root, 'replace')
    const dir = join(parent, 'model')
    await saveModelDir(tinyModel(1), dir)
    await writeFile(join(dir, 'stale.txt'), 'from an older save')
    const second = tinyModel(2, 7)
    await saveModelDir(second, dir)
    expect(await readdir(parent)).toEqual(['model'])
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin'])
    expect(Array.from(await predict(await loadModelDir(dir)))).toEqual(Array.from(await predict(second)))
  })

  it('names the directory when it or model.json is missing', async () => {
    const dir = join(root, 'nowhere')
    const error = await loadModelDir(dir).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain(`${join(dir, 'model.json')}: model.json is missing`)
  })

  it('names the file when model.json is corrupt', async () => {
    const dir = join(root, 'corrupt-json')
    await saveModelDir(tinyModel(1), dir)
    await writeFile(join(dir, 'model.json'), '{"modelTopology": ')
    const error = await loadModelDir(dir).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain(
      `${join(dir, 'model.json')}: the model file is damaged: it is not valid JSON`,
    )
  })

  it('names the weights when weights.bin is truncated or missing', async () => {
    const dir = join(root, 'short-weights')
    await saveModelDir(tinyModel(1), dir)
    await truncate(join(dir, 'weights.bin'), 10)
    const short = await loadModelDir(dir).catch((e: unknown) => e)
    expect(String(short)).toMatch(/weights\.bin: the model file is damaged: the weights hold 10 bytes but/)
    await rm(join(dir, 'weights.bin'))
    const missing = await loadModelDir(dir).catch((e: unknown) => e)
    expect(String(missing)).toContain(`${join(dir, 'weights.bin')}: weights.bin is missing`)
  })

  it('refuses weight paths that point outside the directory', async () => {
    const dir = join(root, 'escape')
    await saveModelDir(tinyModel(1), dir)
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'))
    json.weightsManifest[0].paths = ['../../etc/passwd']
    await writeFile(join(dir, 'model.json'), JSON.stringify(json))
    const error = await loadModelDir(dir).catch((e: unknown) => e)
    expect(String(error)).toContain('is not a file name inside the folder')
  })
})
