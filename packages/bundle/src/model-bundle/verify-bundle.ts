// Proves a model.tar.gz can be served: every file matches its manifest (verifyArchive), the manifest
// is one this sagepack reads, and it names what serving needs (servable-bundle.ts). `serve`,
// `predict` and `inspect` all go through here, so inspect refuses exactly what serve would.
import { UserError } from '@sagepack/core-data'
import { type VerifiedArchive, verifyArchive } from '../archive/verify-archive'
import { type BundleManifest, MANIFEST_FILE } from '../manifest/bundle-manifest'
import { parseBundleManifest } from '../manifest/parse-bundle-manifest'
import { servableBundleProblems } from '../manifest/servable-bundle'

export interface VerifiedBundle extends Omit<VerifiedArchive, 'manifest'> {
  manifest: BundleManifest
}

export async function verifyBundle(archive: string): Promise<VerifiedBundle> {
  const verified = await verifyArchive(archive)
  if (!verified.manifest) {
    throw new UserError({
      input: archive,
      problem: 'has no manifest.json',
      expected: 'a model.tar.gz written by `pnpm bundle <model>`',
      fix: 'bundle the model again',
    })
  }
  const manifest = parseBundleManifest(verified.manifest, `${archive}, ${MANIFEST_FILE}`)
  const problems = servableBundleProblems(manifest)
  if (problems.length > 0) {
    throw new UserError({
      input: `${archive}, ${MANIFEST_FILE}`,
      problem: `the bundle cannot be served: ${problems.join('; ')}`,
      expected: 'a bundle written by `pnpm bundle <model>`',
      fix: 'bundle the model again; do not edit manifest.json by hand',
    })
  }
  return { ...verified, manifest }
}
