// Puts a verified bundle where SageMaker reads model data: content-addressed, so a bundle already
// uploaded is not sent again and an endpoint's model data never changes under it. Gzip (the default)
// uploads model.tar.gz; uncompressed (large models: SageMaker skips the download-and-extract step)
// uploads the extracted files under `<model>/<sha256>/model/`, manifest.json last, so its presence
// means the whole prefix is complete.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ArtifactStore, putContentAddressed, type TransferProgress } from '@sagepack/core-data'
import { MANIFEST_FILE, type ManifestFile } from '@sagepack/core-serve'
import { extractArchive } from '../bundle/extract-archive'
import type { ModelData } from './stack-parameters'

export interface UploadedModelData extends ModelData {
  /** True when the store already held this exact bundle. */
  skipped: boolean
}

export async function uploadModelData(input: {
  store: ArtifactStore
  model: string
  bundle: string
  sha256: string
  files: readonly ManifestFile[]
  uncompressed: boolean
  onProgress?: TransferProgress
}): Promise<UploadedModelData> {
  const { store, model, sha256 } = input
  if (!input.uncompressed) {
    const put = await putContentAddressed(store, model, input.bundle, {
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    })
    return { url: put.uri, compression: 'Gzip', sha256: put.sha256, skipped: put.skipped }
  }
  const prefix = `${model}/${sha256}/model/`
  const url = store.uri(prefix)
  if (await store.head(`${prefix}${MANIFEST_FILE}`))
    return { url, compression: 'None', sha256, skipped: true }
  const dir = await mkdtemp(join(tmpdir(), 'sagepack-model-data-'))
  try {
    const extracted = join(dir, 'model')
    await extractArchive(input.bundle, extracted)
    const ordered = [
      ...input.files.filter((f) => f.path !== MANIFEST_FILE),
      ...input.files.filter((f) => f.path === MANIFEST_FILE),
    ]
    for (const file of ordered) {
      await store.putFile(`${prefix}${file.path}`, join(extracted, file.path), { sha256: file.sha256 })
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return { url, compression: 'None', sha256, skipped: false }
}
