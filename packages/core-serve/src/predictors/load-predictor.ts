// Loads a bundle's weights with the predictor its manifest names. Each format's module is imported
// only when used, so an ONNX bundle never pays for loading tfjs (and the reverse).
import { join } from 'node:path'
import type { BundleManifest } from '@sagepack/bundle/manifest'
import type { Predictor } from '../handler/handler-api'

const LOADERS: Record<BundleManifest['modelFormat'], (modelDir: string) => Promise<Predictor>> = {
  onnx: async (modelDir) => {
    const { OnnxPredictor, ONNX_MODEL_FILE } = await import('./onnx-predictor')
    return OnnxPredictor.load(join(modelDir, ONNX_MODEL_FILE))
  },
  tfjs: async (modelDir) => {
    const { TfjsPredictor } = await import('./tfjs-predictor')
    return TfjsPredictor.load(modelDir)
  },
}

export function loadPredictor(
  modelDir: string,
  manifest: Pick<BundleManifest, 'modelFormat'>,
): Promise<Predictor> {
  return LOADERS[manifest.modelFormat](modelDir)
}
