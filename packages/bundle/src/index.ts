// Public API of @sagepack/bundle: model.tar.gz — the manifest format, file collection, the reproducible
// archive writer, reader, verifier and extractor, the bundle cache, and a model's bundle from a run.

export { compareArchivePaths } from './archive/archive-entry'
export { archivePathProblem, bundlePathOf } from './archive/archive-path'
export { extractArchive } from './archive/extract-archive'
export { listArchive } from './archive/read-archive'
export { type UncheckedManifest, verifyArchive } from './archive/verify-archive'
export { writeArchive } from './archive/write-archive'
export { buildEsModule, type EsModuleCode } from './code/build-es-module'
export { ESM_BANNER } from './code/esm-banner'
export { RUNTIME_EXTERNALS } from './code/runtime-externals'
export { secretDirectoryReason, secretFileReason } from './collect/secret-files'
export type { BundleManifest } from './manifest/bundle-manifest'
export { MANIFEST_FILE, MANIFEST_FORMAT, type ManifestFile } from './manifest/bundle-manifest'
export { buildManifest, serializeManifest } from './manifest/manifest'
export { parseBundleManifest } from './manifest/parse-bundle-manifest'
export { BUNDLE_FILE, type BundleResult, bundleModel } from './model-bundle/bundle-model'
export { openBundle } from './model-bundle/open-bundle'
