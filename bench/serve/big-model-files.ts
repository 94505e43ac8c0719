// Builds the big-model bench's bundle: a 4 -> 16384 -> 16384 -> 3 MLP (1 GiB of float32 weights),
// exported by core-train's own ONNX export (so its weights go to model.onnx.data, as `sagepack train`
// writes them), laid out as SageMaker extracts a model.tar.gz to /opt/ml/model: the weights, config.json
// and a manifest.json with every file's digest. Written under the OS temp folder, removed on exit.
import { createHash } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportOnnxModel, writeOnnxFiles } from '@sagepack/core-train'
import * as tf from '@tensorflow/tfjs'
import { onCleanup } from './exit-cleanup'

export interface BigModelBundle {
  /** The extracted bundle: SM_MODEL_DIR. */
  dir: string
  weightsBytes: number
}

export async function prepareBigModelBundle(
  log: (line: string) => void,
  widths: readonly number[],
): Promise<BigModelBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-big-model-'))
  onCleanup({
    graceful: () => rm(dir, { recursive: true, force: true }),
    immediate: () => rmSync(dir, { recursive: true, force: true }),
  })
  let started = performance.now()
  const model = seededMlp(widths)
  const files = exportOnnxModel(model, { producer: 'sagepack-bench' })
  model.dispose()
  if (!files.externalData) throw new Error('the bench model was exported without external data')
  await writeOnnxFiles(dir, files)
  log(
    `exported a ${widths.join(' -> ')} MLP with ${(files.externalData.size / 2 ** 30).toFixed(2)} GiB in ` +
      `model.onnx.data in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  started = performance.now()
  await writeFile(join(dir, 'config.json'), '{"model":"big-mlp"}\n')
  const manifest = {
    format: 'sagepack.bundle/v1',
    name: 'big-mlp',
    version: '1.0.0',
    git: { commit: null, dirty: false },
    runId: 'bench',
    runtime: { name: 'sagepack-runtime', node: '>=20.19', dependencies: {} },
    entry: 'code/inference.mjs',
    modelFormat: 'onnx',
    files: await digests(dir),
  }
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  log(`wrote its manifest (sha256 of every file) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { dir, weightsBytes: files.externalData.size + files.model.byteLength }
}

/**
 * Dense relu layers with seeded uniform weights, set from one generated array each: tfjs's own
 * initializers take far longer over 268M values.
 */
function seededMlp(widths: readonly number[]): tf.LayersModel {
  const model = tf.sequential()
  let state = 12345
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32 - 0.5
  }
  for (let i = 0; i + 1 < widths.length; i++) {
    const [inputs, units] = [widths[i] as number, widths[i + 1] as number]
    const last = i + 2 === widths.length
    const dense = tf.layers.dense({
      units,
      activation: last ? 'softmax' : 'relu',
      kernelInitializer: 'zeros',
      ...(i === 0 ? { inputShape: [inputs] } : {}),
    })
    model.add(dense)
    const scale = 2 / Math.sqrt(inputs)
    const kernel = new Float32Array(inputs * units)
    for (let k = 0; k < kernel.length; k++) kernel[k] = next() * scale
    const bias = Float32Array.from({ length: units }, () => next() * 0.1)
    dense.setWeights([tf.tensor2d(kernel, [inputs, units]), tf.tensor1d(bias)])
  }
  return model
}

async function digests(dir: string): Promise<Array<{ path: string; sha256: string; size: number }>> {
  const names = (await readdir(dir)).sort()
  return Promise.all(
    names.map(async (path) => {
      const file = join(dir, path)
      const hash = createHash('sha256')
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
      return { path, sha256: hash.digest('hex'), size: (await stat(file)).size }
    }),
  )
}
