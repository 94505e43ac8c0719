// Which bundle this server runs, as a person checks it: model, version, run, commit, and the sha256 of
// manifest.json, which pins the digest of every file in the bundle (the weights, the code, the schema).
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type BundleManifest, MANIFEST_FILE } from '@sagepack/bundle/manifest'

export interface BundleIdentity {
  model: string
  version: string
  runId: string
  commit: string | null
  dirty: boolean
  modelFormat: BundleManifest['modelFormat']
  manifestSha256: string
}

export async function bundleIdentity(modelDir: string, manifest: BundleManifest): Promise<BundleIdentity> {
  const bytes = await readFile(join(modelDir, MANIFEST_FILE))
  return {
    model: manifest.name,
    version: manifest.version,
    runId: manifest.runId,
    commit: manifest.git.commit,
    dirty: manifest.git.dirty,
    modelFormat: manifest.modelFormat,
    manifestSha256: createHash('sha256').update(bytes).digest('hex'),
  }
}
