// What a bundle needs to be served, judged from its manifest: the one check that `sagepack serve`,
// `sagepack predict`, `sagepack inspect` and the runtime share, so inspect passes exactly the bundles
// that serve accepts. (That the files match the manifest is verifyArchive's part.)
import { archivePathProblem } from '../archive/archive-path'
import type { BundleManifest } from './bundle-manifest'

export const CONFIG_FILE = 'config.json'

/** The file the runtime loads the weights from, by the manifest's modelFormat. */
const WEIGHTS_FILE: Record<BundleManifest['modelFormat'], string> = { onnx: 'model.onnx', tfjs: 'model.json' }

/** Why the manifest's `entry` cannot name the handler module, or undefined when it can. */
export function entryProblem(entry: string): string | undefined {
  // The entry comes from a file anyone could edit: never import code from outside the bundle.
  const problem = archivePathProblem(entry)
  return problem && `${JSON.stringify(entry)} points outside the bundle (${problem})`
}

/** Every reason the bundle cannot be served; empty when it can. */
export function servableBundleProblems(manifest: BundleManifest): string[] {
  const paths = new Set(manifest.files.map((file) => file.path))
  const problems: string[] = []
  const entry = entryProblem(manifest.entry)
  if (entry) problems.push(`its 'entry' ${entry}`)
  else if (manifest.files.some((file) => file.path.startsWith(`${manifest.entry}/`))) {
    problems.push(`its 'entry' ${JSON.stringify(manifest.entry)} is a folder, not a module`)
  }
  if (!paths.has(CONFIG_FILE))
    problems.push(`it has no ${CONFIG_FILE} (the resolved model config the runtime reads)`)
  const weights = WEIGHTS_FILE[manifest.modelFormat]
  if (!paths.has(weights))
    problems.push(`it has no ${weights}, which modelFormat '${manifest.modelFormat}' loads`)
  return problems
}
