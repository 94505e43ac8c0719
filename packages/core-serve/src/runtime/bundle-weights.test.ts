import type { BundleManifest } from '@sagepack/bundle/manifest'
import { describe, expect, it } from 'vitest'
import { bundleWeights } from './bundle-weights'

const file = (path: string, size: number) => ({ path, size, sha256: '0'.repeat(64) })

describe('bundleWeights', () => {
  const files: BundleManifest['files'] = [
    file('code/inference.mjs', 900),
    file('code/weights.bin', 7),
    file('config.json', 50),
    file('model.json', 3_000),
    file('model.onnx', 800),
    file('model.onnx.data', 1_000_000),
    file('preprocessor.json', 400),
    file('weights.bin', 20_000),
  ]

  it('adds model.onnx and model.onnx.data for ONNX bundles and says the weights are external', () => {
    expect(bundleWeights({ modelFormat: 'onnx', files })).toEqual({ bytes: 1_000_800, externalData: true })
    expect(
      bundleWeights({ modelFormat: 'onnx', files: files.filter((f) => f.path !== 'model.onnx.data') }),
    ).toEqual({ bytes: 800, externalData: false })
  })

  it('adds model.json and the top-level *.bin for tfjs bundles', () => {
    expect(bundleWeights({ modelFormat: 'tfjs', files })).toEqual({ bytes: 23_000, externalData: false })
  })
})
