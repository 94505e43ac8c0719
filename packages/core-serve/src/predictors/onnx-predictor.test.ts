import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OnnxPredictor } from './onnx-predictor'
import { encodeOnnxMlp, forwardMlp, type MlpSpec, seededLayers } from './test-fixtures/onnx-mlp'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-onnx-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function writeModel(name: string, spec: MlpSpec): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, encodeOnnxMlp(spec))
  return path
}

const features = Float32Array.from([0.1, -1, 2, 0.5, 1.5, 0.3, -0.7, 0, 3, 2, 1, -2])

describe('OnnxPredictor', () => {
  it('runs [rows, width] float32 through the model and reads widths from its metadata', async () => {
    const spec = { layers: seededLayers([4, 16, 16, 3]), softmax: true }
    const predictor = await OnnxPredictor.load(await writeModel('mlp.onnx', spec))
    expect(predictor).toMatchObject({ format: 'onnx', inputWidth: 4, outputWidth: 3 })
    const outputs = await predictor.run(features, 3)
    expect(outputs).toBeInstanceOf(Float32Array)
    const expected = forwardMlp(spec, features, 3)
    for (const [index, value] of outputs.entries()) expect(value).toBeCloseTo(expected[index] as number, 5)
    expect(await predictor.run(new Float32Array(0), 0)).toHaveLength(0)
    await predictor.dispose()
  })

  it('learns a symbolic output width from a probe row', async () => {
    const spec = { layers: seededLayers([4, 8, 2]), softmax: false, symbolicOutputWidth: true }
    const predictor = await OnnxPredictor.load(await writeModel('symbolic.onnx', spec))
    expect(predictor.outputWidth).toBe(2)
    await predictor.dispose()
  })

  it('rejects a matrix whose length does not match rows x width', async () => {
    const predictor = await OnnxPredictor.load(
      await writeModel('mlp2.onnx', { layers: seededLayers([4, 3]), softmax: true }),
    )
    await expect(predictor.run(features, 2)).rejects.toThrow('2 rows x 4 features = 8 values, got 12')
    await predictor.dispose()
  })

  it('names a missing or damaged model file', async () => {
    await expect(OnnxPredictor.load(join(dir, 'missing.onnx'))).rejects.toThrow(/model\.onnx is missing/)
    await writeFile(join(dir, 'damaged.onnx'), 'not protobuf')
    const error = await OnnxPredictor.load(join(dir, 'damaged.onnx')).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(join(dir, 'damaged.onnx'))
    expect((error as UserError).problem).toMatch(/onnxruntime cannot load it/)
  })
})
