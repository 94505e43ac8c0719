// The packages the runtime image installs beside runtime.mjs (containers/runtime/package.json, plus
// tfjs-node-gpu in the GPU image): never bundled into runtime.mjs or a job's training code, so both
// load the one copy the image provides.
export const RUNTIME_EXTERNALS = [
  'onnxruntime-node',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
] as const
