// Opens a model.tar.gz for local serving or batch prediction the way SageMaker does: verify it,
// extract it into a fresh folder (SageMaker's /opt/ml/model), and clean up afterwards.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import type { BundleManifest } from '@sagepack/core-serve'
import { extractArchive } from '../bundle/extract-archive'
import { verifyArchive } from '../bundle/verify-archive'

export interface OpenedBundle {
  modelDir: string
  manifest: BundleManifest
  close(): Promise<void>
}

export async function openBundle(archive: string): Promise<OpenedBundle> {
  const { manifest } = await verifyArchive(archive)
  if (!manifest) {
    throw new UserError({
      input: archive,
      problem: 'has no manifest.json',
      expected: 'a model.tar.gz written by `pnpm bundle <model>`',
      fix: 'bundle the model again',
    })
  }
  const modelDir = await mkdtemp(join(tmpdir(), `sagepack-${manifest.name}-`))
  await extractArchive(archive, modelDir)
  return { modelDir, manifest, close: () => rm(modelDir, { recursive: true, force: true }) }
}
