import { isUserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { afterEach, describe, expect, it } from 'vitest'
import { BACKEND_ENV, chooseBackend, describeBackendChoice } from './choose-backend'

const GPU_PACKAGE = '@tensorflow/tfjs-node-gpu'
const NODE_PACKAGE = '@tensorflow/tfjs-node'

/**
 * Simulates the runtime image: importing a "present" native package registers the `tensorflow`
 * backend, as the real packages do (here backed by the cpu kernels' factory, enough for setBackend).
 * Every other specifier goes to Node's real importer, so absent packages fail the real way.
 */
function importer(present: string[], calls: string[] = []) {
  return async (spec: string): Promise<unknown> => {
    calls.push(spec)
    if (present.includes(spec)) {
      const cpuFactory = tf.findBackendFactory('cpu')
      if (!cpuFactory) throw new Error('cpu backend factory missing')
      if (!tf.findBackendFactory('tensorflow')) tf.registerBackend('tensorflow', cpuFactory)
      return {}
    }
    return import(spec)
  }
}

afterEach(async () => {
  if (tf.findBackendFactory('tensorflow')) {
    await tf.setBackend('cpu')
    tf.removeBackend('tensorflow')
  }
})

describe('chooseBackend', () => {
  it('picks wasm on this machine, where the native packages are not installed', async () => {
    const choice = await chooseBackend({ env: {} })
    expect(choice.backend).toBe('wasm')
    expect(tf.getBackend()).toBe('wasm')
    expect(choice.package).toBe('@tensorflow/tfjs-backend-wasm')
    expect(choice.gpu).toBe(false)
    expect(choice.tried.find((t) => t.candidate === NODE_PACKAGE)?.outcome).toBe('not installed')
    expect(choice.tried.at(-1)).toEqual({ candidate: '@tensorflow/tfjs-backend-wasm', outcome: 'selected' })
    expect(describeBackendChoice(choice)).toContain('tfjs backend wasm from @tensorflow/tfjs-backend-wasm')
  })

  it('catches a real ERR_MODULE_NOT_FOUND for tfjs-node-gpu when a GPU is present', async () => {
    const choice = await chooseBackend({ env: {}, gpuPresent: () => true })
    expect(choice.tried.slice(0, 2)).toEqual([
      { candidate: GPU_PACKAGE, outcome: 'not installed' },
      { candidate: NODE_PACKAGE, outcome: 'not installed' },
    ])
    expect(choice.backend).toBe('wasm')
  })

  it('picks tfjs-node-gpu when it is importable and a GPU exists', async () => {
    const choice = await chooseBackend({
      env: {},
      gpuPresent: () => true,
      importModule: importer([GPU_PACKAGE, NODE_PACKAGE]),
    })
    expect(choice).toEqual({
      backend: 'tensorflow',
      package: GPU_PACKAGE,
      gpu: true,
      tried: [{ candidate: GPU_PACKAGE, outcome: 'selected' }],
    })
    expect(tf.getBackend()).toBe('tensorflow')
  })

  it('skips tfjs-node-gpu without importing it when there is no GPU, and takes tfjs-node', async () => {
    const calls: string[] = []
    const choice = await chooseBackend({
      env: {},
      gpuPresent: () => false,
      importModule: importer([GPU_PACKAGE, NODE_PACKAGE], calls),
    })
    expect(calls).not.toContain(GPU_PACKAGE)
    expect(choice.package).toBe(NODE_PACKAGE)
    expect(choice.backend).toBe('tensorflow')
    expect(choice.gpu).toBe(false)
    expect(choice.tried[0]).toEqual({ candidate: GPU_PACKAGE, outcome: 'skipped: no NVIDIA GPU found' })
  })

  it('reports an installed package that fails to load, and moves on', async () => {
    const broken = async (spec: string): Promise<unknown> => {
      if (spec === NODE_PACKAGE) {
        throw Object.assign(new Error(`Cannot find module '/x/libtensorflow.so' imported from ${spec}`), {
          code: 'ERR_MODULE_NOT_FOUND',
        })
      }
      return import(spec)
    }
    const choice = await chooseBackend({ env: {}, gpuPresent: () => false, importModule: broken })
    expect(choice.tried[1]?.outcome).toMatch(/^import failed: Cannot find module '\/x\/libtensorflow.so'/)
    expect(choice.backend).toBe('wasm')
  })

  it('honours a forced backend', async () => {
    const cpu = await chooseBackend({ env: { [BACKEND_ENV]: 'cpu' }, gpuPresent: () => true })
    expect(cpu).toMatchObject({
      backend: 'cpu',
      package: '@tensorflow/tfjs',
      tried: [{ outcome: 'selected' }],
    })
    const native = await chooseBackend({
      env: { [BACKEND_ENV]: 'tensorflow' },
      gpuPresent: () => false,
      importModule: importer([NODE_PACKAGE]),
    })
    expect(native.package).toBe(NODE_PACKAGE)
  })

  it('fails when the forced backend is not available', async () => {
    const error = await chooseBackend({ env: { [BACKEND_ENV]: 'tensorflow' }, gpuPresent: () => true }).catch(
      (e: unknown) => e,
    )
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toContain(`${BACKEND_ENV}=tensorflow`)
    expect(String(error)).toContain(`${NODE_PACKAGE}: not installed`)
  })

  it('rejects an unknown forced backend, naming the variable and the choices', async () => {
    const error = await chooseBackend({ env: { [BACKEND_ENV]: 'webgpu' } }).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String(error)).toMatch(/SAGEPACK_TFJS_BACKEND=webgpu: unknown tfjs backend/)
    expect(String(error)).toContain('tensorflow, wasm, cpu')
  })
})
