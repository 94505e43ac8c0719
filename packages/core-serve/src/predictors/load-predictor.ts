// Loads a bundle's weights with the predictor its manifest names. Each format's module is imported
// only when used, so an ONNX bundle never pays for loading tfjs (and the reverse).
import { join } from 'node:path'
import type { BundleManifest } from '@sagepack/bundle/manifest'
import type { Predictor } from '../handler/handler-api'
import type { PredictorOptions } from './predictor-options'

type Loader = (modelDir: string, options?: PredictorOptions) => Promise<Predictor>

/** tfjs holds its weights in each worker's own heap whatever the plan, and runs on its own threads. */
const LOADERS: Record<BundleManifest['modelFormat'], Loader> = {
  onnx: async (modelDir, options) => {
    const { OnnxPredictor, ONNX_MODEL_FILE } = await import('./onnx-predictor')
    return OnnxPredictor.load(join(modelDir, ONNX_MODEL_FILE), options)
  },
  tfjs: async (modelDir) => {
    const { TfjsPredictor } = await import('./tfjs-predictor')
    return TfjsPredictor.load(modelDir)
  },
}

/** `options`: the serving plan's choice (see predictor-options.ts); by default what suits the files. */
export function loadPredictor(
  modelDir: string,
  manifest: Pick<BundleManifest, 'modelFormat'>,
  options?: PredictorOptions,
): Promise<Predictor> {
  return LOADERS[manifest.modelFormat](modelDir, options)
}
