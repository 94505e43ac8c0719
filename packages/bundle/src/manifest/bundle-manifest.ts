// manifest.json at the top of every model.tar.gz: what the bundle is and the digest of every file,
// so the runtime and `sagepack inspect` can prove the bundle is the one that was built.

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_FORMAT = 'sagepack.bundle/v1'
/** The model's example request (its inference/example.json), at the top of a bundle when it has one. */
export const EXAMPLE_FILE = 'example.json'

export interface ManifestFile {
  /** POSIX path inside the archive, e.g. `code/inference.mjs`. */
  path: string
  sha256: string
  size: number
}

export interface BundleManifest {
  format: typeof MANIFEST_FORMAT
  name: string
  /** The model package's version. */
  version: string
  /** Git commit of the workspace the bundle was built from (null outside git), and whether it was dirty. */
  git: { commit: string | null; dirty: boolean }
  runId: string
  /** The runtime the bundle needs, e.g. `sagepack-runtime/1 node>=20 onnxruntime-node@1.30.0`. */
  runtime: { name: string; node: string; dependencies: Record<string, string> }
  /** The inference entry, relative to the archive root. */
  entry: string
  /** `onnx` when model.onnx is the weights, `tfjs` when model.json + *.bin are. */
  modelFormat: 'onnx' | 'tfjs'
  /** Every file of the archive except manifest.json itself, sorted by path. */
  files: ManifestFile[]
}
