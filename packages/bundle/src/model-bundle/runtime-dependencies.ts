// The packages the runtime image must provide for a bundle, at the versions this workspace tests
// against: onnxruntime-node for ONNX weights, @tensorflow/tfjs for tfjs weights.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { installedVersion } from '../code/build-es-module'

export function runtimeDependencies(
  workspaceRoot: string,
  modelFormat: 'onnx' | 'tfjs',
): Record<string, string> {
  // The runtime's own predictors live in core-serve, so its dependencies are the ones to report.
  const require = createRequire(join(workspaceRoot, 'packages', 'core-serve', 'package.json'))
  const name = modelFormat === 'onnx' ? 'onnxruntime-node' : '@tensorflow/tfjs'
  return { [name]: installedVersion(require, name) }
}
