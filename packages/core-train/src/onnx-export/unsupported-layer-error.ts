// The error for a model the ONNX exporter cannot translate: it names the layer (or model) and what
// would have worked, and tells the user the bundle falls back to the tfjs format.
import { UserError } from '@sagepack/core-data'

/** What the caller does instead, so the message tells the user the export was not lost. */
export const TFJS_FALLBACK = 'the bundle will carry the tfjs format (model.json + weights) instead'

export interface NamedLayer {
  name: string
  getClassName(): string
}

export class UnsupportedLayerError extends UserError {
  readonly layerName: string
  readonly layerClass: string

  constructor(layer: NamedLayer, problem: string, expected: string) {
    const layerClass = layer.getClassName()
    super({ input: `layer "${layer.name}" (${layerClass})`, problem, expected, fix: TFJS_FALLBACK })
    this.name = 'UnsupportedLayerError'
    this.layerName = layer.name
    this.layerClass = layerClass
  }
}
