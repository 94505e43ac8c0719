// Test support: the manifest fields every hand-made test bundle shares (all but its files), for tests
// that build an archive without a run: an ONNX model named iris, run r1, no git, entry
// code/inference.mjs.
import { type BundleManifest, MANIFEST_FORMAT } from '../manifest/bundle-manifest'

export const SAMPLE_MANIFEST_HEADER = {
  format: MANIFEST_FORMAT,
  name: 'iris',
  version: '1.0.0',
  git: { commit: null, dirty: false },
  runId: 'r1',
  runtime: { name: 'sagepack-runtime', node: '>=20.19', dependencies: {} },
  entry: 'code/inference.mjs',
  modelFormat: 'onnx',
} as const satisfies Omit<BundleManifest, 'files'>
