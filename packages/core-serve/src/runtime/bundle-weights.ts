// The size of a bundle's weights and whether they are ONNX external data, read from its manifest
// (which lists every file with its size): the facts the serving plan needs before any worker loads.
import type { BundleManifest } from '@sagepack/bundle/manifest'
import { ONNX_EXTERNAL_DATA_FILE, ONNX_MODEL_FILE } from '../predictors/onnx-files'

export interface BundleWeights {
  bytes: number
  externalData: boolean
}

export function bundleWeights(manifest: Pick<BundleManifest, 'modelFormat' | 'files'>): BundleWeights {
  const isWeights =
    manifest.modelFormat === 'onnx'
      ? (path: string) => path === ONNX_MODEL_FILE || path === ONNX_EXTERNAL_DATA_FILE
      : (path: string) => path === 'model.json' || (!path.includes('/') && path.endsWith('.bin'))
  const files = manifest.files.filter((file) => isWeights(file.path))
  return {
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    externalData: manifest.modelFormat === 'onnx' && files.some((f) => f.path === ONNX_EXTERNAL_DATA_FILE),
  }
}
