import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { silentLogger } from '../logging/create-logger'
import { EXTERNAL_DATA_ALIGNMENT, ONNX_EXTERNAL_DATA_FILE } from '../onnx-export/external-data'
import { onnx } from '../onnx-export/onnx-proto'
import { exportOnnxArtifact, ONNX_FILE } from './export-onnx-artifact'

beforeAll(async () => {
  await chooseBackend({ env: {} })
})

const rows = 8
const features = Float32Array.from({ length: rows * 4 }, (_, i) => Math.sin(i))

function model(extra?: tf.layers.Layer): tf.LayersModel {
  const m = tf.sequential()
  m.add(
    tf.layers.dense({
      units: 5,
      inputShape: [4],
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  )
  if (extra) m.add(extra)
  m.add(
    tf.layers.dense({
      units: 3,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    }),
  )
  return m
}

describe('exportOnnxArtifact', () => {
  it('writes model.onnx when onnxruntime matches tfjs on the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onnx-artifact-'))
    const report = await exportOnnxArtifact(model(), { features, rows }, dir, silentLogger)
    expect(report).toMatchObject({ exported: true, rows })
    expect(report.maxAbsDiff).toBeLessThan(1e-5)
    expect(existsSync(join(dir, ONNX_FILE))).toBe(true)
  })

  it('exports a regressor whose outputs are in the thousands, where float32 rounding exceeds 1e-5', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onnx-artifact-'))
    const regressor = tf.sequential()
    regressor.add(
      tf.layers.dense({
        units: 16,
        inputShape: [4],
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
      }),
    )
    regressor.add(
      tf.layers.dense({
        units: 1,
        kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
        biasInitializer: tf.initializers.constant({ value: 1000 }),
      }),
    )
    const report = await exportOnnxArtifact(regressor, { features, rows }, dir, silentLogger)
    expect(report).toMatchObject({ exported: true, rows })
    // One float32 step at 1000 is 6.1e-5: an absolute 1e-5 bound would drop this export.
    expect(report.maxScaledDiff).toBeLessThan(1e-6)
    expect(existsSync(join(dir, ONNX_FILE))).toBe(true)
  })

  it('keeps the tfjs format, with the reason, when a layer cannot be exported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onnx-artifact-'))
    const report = await exportOnnxArtifact(
      model(tf.layers.layerNormalization({ name: 'norm' })),
      { features, rows },
      dir,
      silentLogger,
    )
    expect(report.exported).toBe(false)
    expect(report.reason).toContain('layer "norm" (LayerNormalization)')
    expect(existsSync(join(dir, ONNX_FILE))).toBe(false)
  })
})

describe('exportOnnxArtifact with weights over the external data threshold', () => {
  /** 4 -> 300 relu -> 3 softmax: kernels of 4800 and 3600 bytes and a 1200-byte bias go to the data file. */
  function wide(): tf.LayersModel {
    const m = tf.sequential()
    m.add(
      tf.layers.dense({
        units: 300,
        inputShape: [4],
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
        biasInitializer: tf.initializers.randomNormal({ seed: 6, stddev: 0.1 }),
      }),
    )
    m.add(
      tf.layers.dense({
        units: 3,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }),
      }),
    )
    return m
  }

  it('writes model.onnx.data beside model.onnx, checks parity from the files, and leaves nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onnx-artifact-'))
    const report = await exportOnnxArtifact(wide(), { features, rows }, dir, silentLogger, {
      externalDataAboveBytes: 1024,
    })
    expect(report).toMatchObject({ exported: true, rows, externalData: ONNX_EXTERNAL_DATA_FILE })
    expect(report.maxAbsDiff).toBeLessThan(1e-5)
    expect(readdirSync(dir).sort()).toEqual([ONNX_FILE, ONNX_EXTERNAL_DATA_FILE])
    // kernel 1 at 0, bias 1 and kernel 2 each at the next 64 KiB boundary; the 12-byte bias stays inline.
    expect(statSync(join(dir, ONNX_EXTERNAL_DATA_FILE)).size).toBe(2 * EXTERNAL_DATA_ALIGNMENT + 3600)
    const initializers = onnx.ModelProto.decode(readFileSync(join(dir, ONNX_FILE))).graph?.initializer ?? []
    const external = initializers.filter((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL)
    expect(external.map((t) => [t.externalData?.[1]?.value, t.externalData?.[2]?.value])).toEqual([
      ['0', '4800'],
      [String(EXTERNAL_DATA_ALIGNMENT), '1200'],
      [String(2 * EXTERNAL_DATA_ALIGNMENT), '3600'],
    ])
    expect(initializers).toHaveLength(4)
  })

  it('writes one model.onnx below the threshold, removing the data file of an earlier export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onnx-artifact-'))
    writeFileSync(join(dir, ONNX_EXTERNAL_DATA_FILE), 'stale')
    const report = await exportOnnxArtifact(wide(), { features, rows }, dir, silentLogger)
    expect(report).toMatchObject({ exported: true, rows })
    expect(report.externalData).toBeUndefined()
    expect(readdirSync(dir)).toEqual([ONNX_FILE])
  })
})
