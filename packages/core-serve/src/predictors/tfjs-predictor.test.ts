import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { IRIS_FEATURES, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { forwardMlp } from './test-fixtures/onnx-mlp'
import { TfjsPredictor } from './tfjs-predictor'

afterAll(removeModelDirs)

const features = Float32Array.from([0.1, -1, 2, 0.5, 1.5, 0.3, -0.7, 0])

describe('TfjsPredictor', () => {
  it('loads model.json + weights.bin without tfjs-node and predicts like the layers it saved', async () => {
    const { dir, spec } = await writeModelDir({ format: 'tfjs' })
    const predictor = await TfjsPredictor.load(dir)
    expect(predictor).toMatchObject({ format: 'tfjs', inputWidth: IRIS_FEATURES.length, outputWidth: 3 })
    const outputs = await predictor.run(features, 2)
    expect(outputs).toBeInstanceOf(Float32Array)
    const expected = forwardMlp(spec, features, 2)
    for (const [index, value] of outputs.entries()) expect(value).toBeCloseTo(expected[index] as number, 5)
    await expect(predictor.run(features, 3)).rejects.toThrow('3 rows x 4 features = 12 values, got 8')
    await predictor.dispose()
  })

  it('names a missing weights file and a damaged model.json', async () => {
    const missing = await writeModelDir({ format: 'tfjs' })
    await rm(join(missing.dir, 'weights.bin'))
    await expect(TfjsPredictor.load(missing.dir)).rejects.toThrow(/weights\.bin: weights\.bin is missing/)

    const damaged = await writeModelDir({ format: 'tfjs' })
    await writeFile(
      join(damaged.dir, 'model.json'),
      JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../x.bin'], weights: [] }] }),
    )
    await expect(TfjsPredictor.load(damaged.dir)).rejects.toThrow(
      /"..\/x.bin" is not a file name inside the folder/,
    )
  })
})
