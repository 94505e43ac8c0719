// The bundle's manifest format alone: what the runtime reads at start-up, without the archive writer or
// esbuild (core-serve's runtime is built into one file and must not pull those in).
export { type BundleManifest, MANIFEST_FILE, MANIFEST_FORMAT, type ManifestFile } from './bundle-manifest'
export { parseBundleManifest } from './parse-bundle-manifest'
export { CONFIG_FILE, entryProblem, servableBundleProblems } from './servable-bundle'
