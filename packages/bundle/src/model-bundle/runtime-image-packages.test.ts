import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { runtimeImagePackages } from './runtime-image-packages'
import {
  CPU,
  GPU,
  OTHER,
  readPackageList,
  versionOf,
  workspaceRoot,
  workspaceWith,
} from './runtime-packages.fixture'

describe('runtimeImagePackages', () => {
  it("holds this repository's pins: both images agree, and with what the workspace installs", async () => {
    const packages = await runtimeImagePackages(workspaceRoot)
    expect(packages).toEqual({
      ...readPackageList(workspaceRoot, CPU).dependencies,
      '@tensorflow/tfjs-node-gpu': versionOf('@tensorflow/tfjs'),
    })
    for (const name of ['onnxruntime-node', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm']) {
      expect(packages[name]).toBe(versionOf(name))
    }
    expect(packages['@tensorflow/tfjs-node']).toBe(versionOf('@tensorflow/tfjs'))
  })

  it('refuses an image pin other than the version the workspace installs, in either image', async () => {
    const root = workspaceWith((file, list) => {
      if (file === CPU) list.dependencies['onnxruntime-node'] = OTHER
    })
    const onnx = versionOf('onnxruntime-node')
    const check = runtimeImagePackages(root)
    await expect(check).rejects.toThrow(UserError)
    await expect(check).rejects.toThrow(
      `onnxruntime-node ${OTHER} is not the ${onnx} this workspace installs`,
    )
    await expect(check).rejects.toThrow(`${GPU} has onnxruntime-node ${onnx} where ${CPU} means ${OTHER}`)
  })

  it('refuses a GPU image that drifts from the CPU one, or a tfjs-node apart from tfjs', async () => {
    const gpuDrift = workspaceWith((file, list) => {
      if (file === GPU) list.dependencies['@tensorflow/tfjs-node-gpu'] = OTHER
    })
    const tfjs = versionOf('@tensorflow/tfjs')
    await expect(runtimeImagePackages(gpuDrift)).rejects.toThrow(
      `${GPU} has @tensorflow/tfjs-node-gpu ${OTHER} where ${CPU} means ${tfjs}`,
    )
    // Both images agree with each other here, but their tfjs bindings are not tfjs's version.
    const nodeDrift = workspaceWith((file, list) => {
      list.dependencies[file === CPU ? '@tensorflow/tfjs-node' : '@tensorflow/tfjs-node-gpu'] = OTHER
    })
    const refused = runtimeImagePackages(nodeDrift)
    await expect(refused).rejects.toThrow(
      `@tensorflow/tfjs-node ${OTHER} differs from @tensorflow/tfjs ${tfjs}`,
    )
    await expect(refused).rejects.not.toThrow('package.gpu.json has')
  })

  it('refuses a range: the image would install whatever matches it', async () => {
    const root = workspaceWith((_, list) => {
      list.dependencies['onnxruntime-node'] = `^${versionOf('onnxruntime-node')}`
    })
    await expect(runtimeImagePackages(root)).rejects.toThrow(
      `onnxruntime-node is pinned to "^${versionOf('onnxruntime-node')}", not one exact version`,
    )
  })
})
