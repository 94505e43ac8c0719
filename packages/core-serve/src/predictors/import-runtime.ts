// Imports the ML runtimes on first use. Dynamic on purpose: when esbuild bundles the runtime with
// these packages external, a static import would be hoisted to the top of the bundle, and every
// worker would load tfjs (about half a second and tens of MB) even to serve an ONNX model.
import type * as Tf from '@tensorflow/tfjs'
import type * as Ort from 'onnxruntime-node'

let tfjs: Promise<typeof Tf> | undefined
let onnxRuntime: Promise<typeof Ort> | undefined

export function importTfjs(): Promise<typeof Tf> {
  tfjs ??= import('@tensorflow/tfjs')
  return tfjs
}

export function importOnnxRuntime(): Promise<typeof Ort> {
  onnxRuntime ??= import('onnxruntime-node')
  return onnxRuntime
}
