import { afterAll, describe, expect, it } from 'vitest'
import { removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { loadPredictor } from './load-predictor'

afterAll(removeModelDirs)

describe('loadPredictor', () => {
  it('picks the predictor by the manifest model format', async () => {
    const onnx = await writeModelDir({ format: 'onnx' })
    const tfjs = await writeModelDir({ format: 'tfjs', task: 'regression' })
    const fromOnnx = await loadPredictor(onnx.dir, { modelFormat: 'onnx' })
    const fromTfjs = await loadPredictor(tfjs.dir, { modelFormat: 'tfjs' })
    expect([fromOnnx.format, fromOnnx.outputWidth]).toEqual(['onnx', 3])
    expect([fromTfjs.format, fromTfjs.outputWidth]).toEqual(['tfjs', 1])
    await Promise.all([fromOnnx.dispose(), fromTfjs.dispose()])
  })
})
