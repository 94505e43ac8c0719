// Picks the tfjs backend for serving, once per thread: WebAssembly when its package and .wasm file can
// be loaded (a few times faster than plain JS for dense layers), else the cpu backend built into tfjs.
// tfjs-node is left out on purpose: the runtime image serves tfjs models without native TensorFlow.
import { importTfjs } from './import-runtime'

let chosen: Promise<string> | undefined

export function ensureTfjsBackend(): Promise<string> {
  chosen ??= choose()
  return chosen
}

async function choose(): Promise<string> {
  const tf = await importTfjs()
  try {
    await import('@tensorflow/tfjs-backend-wasm')
    if (await tf.setBackend('wasm')) return 'wasm'
  } catch {
    // Missing package or .wasm file (e.g. bundled without copying it next to the bundle): use cpu.
  }
  await tf.setBackend('cpu')
  await tf.ready()
  return tf.getBackend()
}
