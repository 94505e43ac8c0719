// Opens a model.tar.gz for local serving or batch prediction the way SageMaker does: verify it,
// extract it into a fresh folder (SageMaker's /opt/ml/model), and clean up afterwards.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { extractArchive } from '../archive/extract-archive'
import { verifyArchive } from '../archive/verify-archive'
import { type BundleManifest, MANIFEST_FILE } from '../manifest/bundle-manifest'
import { parseBundleManifest } from '../manifest/parse-bundle-manifest'

export interface OpenedBundle {
  modelDir: string
  manifest: BundleManifest
  close(): Promise<void>
}

export async function openBundle(archive: string): Promise<OpenedBundle> {
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
  const modelDir = await mkdtemp(join(tmpdir(), `sagepack-${folderNamePart(manifest.name)}-`))
  await extractArchive(archive, modelDir)
  return { modelDir, manifest, close: () => rm(modelDir, { recursive: true, force: true }) }
}

/** The model's name in the temp folder's name when it is a plain one; anything else reads `model`. */
function folderNamePart(name: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : 'model'
}
