// Opens a model.tar.gz for local serving or batch prediction the way SageMaker does: verify it,
// extract it into a fresh folder (SageMaker's /opt/ml/model), and clean up afterwards.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractArchive } from '../archive/extract-archive'
import type { BundleManifest } from '../manifest/bundle-manifest'
import { verifyBundle } from './verify-bundle'

export interface OpenedBundle {
  modelDir: string
  manifest: BundleManifest
  close(): Promise<void>
}

export async function openBundle(archive: string): Promise<OpenedBundle> {
  const { manifest } = await verifyBundle(archive)
  const modelDir = await mkdtemp(join(tmpdir(), `sagepack-${folderNamePart(manifest.name)}-`))
  try {
    // Held to the verified manifest again as it is written: the archive may have changed since.
    await extractArchive(archive, modelDir, { expected: manifest.files })
  } catch (error) {
    await rm(modelDir, { recursive: true, force: true })
    throw error
  }
  return { modelDir, manifest, close: () => rm(modelDir, { recursive: true, force: true }) }
}

/** The model's name in the temp folder's name when it is a plain one; anything else reads `model`. */
function folderNamePart(name: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : 'model'
}
