// Imports the ML runtimes on first use. Dynamic on purpose: when esbuild bundles the runtime with
// these packages external, a static import would be hoisted to the top of the bundle, and every
// worker would load tfjs (about half a second and tens of MB) even to serve an ONNX model.
import type * as Tf from '@tensorflow/tfjs'
import type * as Ort from 'onnxruntime-node'
import { keepOnnxRuntimeOffline } from './onnx-runtime-offline'

let tfjs: Promise<typeof Tf> | undefined
let onnxRuntime: Promise<typeof Ort> | undefined

export function importTfjs(): Promise<typeof Tf> {
  tfjs ??= import('@tensorflow/tfjs')
  return tfjs
}

export function importOnnxRuntime(): Promise<typeof Ort> {
  // Where sessions run on this thread (batch prediction, tests); the worker pool does it before its
  // workers start.
  keepOnnxRuntimeOffline()
  onnxRuntime ??= import('onnxruntime-node')
  return onnxRuntime
}
