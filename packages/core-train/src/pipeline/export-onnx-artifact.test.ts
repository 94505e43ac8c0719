import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { chooseBackend } from '../backend/choose-backend'
import { silentLogger } from '../logging/create-logger'
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
