import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OnnxPredictor, sessionOptions } from './onnx-predictor'
import {
  encodeOnnxMlp,
  encodeOnnxMlpWithExternalData,
  forwardMlp,
  type MlpSpec,
  seededLayers,
} from './test-fixtures/onnx-mlp'

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

describe('OnnxPredictor with weights in model.onnx.data', () => {
  const spec: MlpSpec = { layers: seededLayers([4, 64, 32, 3], 3), softmax: true }

  /** model.onnx + model.onnx.data in a folder of their own, as a bundle extracts them. */
  async function writeExternal(name: string): Promise<string> {
    const folder = join(dir, name)
    await mkdir(folder)
    const { model, data } = encodeOnnxMlpWithExternalData(spec)
    await writeFile(join(folder, 'model.onnx.data'), data)
    await writeFile(join(folder, 'model.onnx'), model)
    return folder
  }

  it('answers exactly as the same model with its weights inline, shared or private, on 1 or 2 threads', async () => {
    const folder = await writeExternal('external')
    const inline = await OnnxPredictor.load(await writeModel('inline.onnx', spec))
    const expected = await inline.run(features, 3)
    const reference = forwardMlp(spec, features, 3)
    for (const [index, value] of expected.entries()) expect(value).toBeCloseTo(reference[index] as number, 5)
    for (const options of [
      undefined,
      { weights: 'shared', intraOpThreads: 1 },
      { weights: 'private', intraOpThreads: 2 },
    ] as const) {
      const predictor = await OnnxPredictor.load(join(folder, 'model.onnx'), options)
      expect(predictor).toMatchObject({ inputWidth: 4, outputWidth: 3 })
      expect(Array.from(await predictor.run(features, 3))).toEqual(Array.from(expected))
      await predictor.dispose()
    }
    await inline.dispose()
  })

  it('turns prepacking off only for shared weights, and sets the threads', () => {
    expect(sessionOptions({ weights: 'shared', intraOpThreads: 3 })).toEqual({
      intraOpNumThreads: 3,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      extra: { session: { disable_prepacking: '1' } },
    })
    expect(sessionOptions({ weights: 'private', intraOpThreads: 1 })).toEqual({
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    })
  })

  it('names model.onnx.data when it is missing', async () => {
    const folder = await writeExternal('missing-data')
    await rm(join(folder, 'model.onnx.data'))
    const error = await OnnxPredictor.load(join(folder, 'model.onnx')).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(join(folder, 'model.onnx.data'))
    expect((error as UserError).problem).toMatch(/^is missing, but model\.onnx keeps its weights there/)
  })

  it('names model.onnx.data when it is cut short', async () => {
    const folder = await writeExternal('short-data')
    await truncate(join(folder, 'model.onnx.data'), 1000)
    const error = await OnnxPredictor.load(join(folder, 'model.onnx'), {
      weights: 'shared',
      intraOpThreads: 1,
    }).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(join(folder, 'model.onnx.data'))
    expect((error as UserError).problem).toMatch(/^does not hold the weights that model\.onnx says it does/)
    expect((error as UserError).message).toContain('sagepack bundle')
  })
})
