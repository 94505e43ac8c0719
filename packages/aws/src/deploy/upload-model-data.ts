// Puts a verified bundle where SageMaker reads model data: content-addressed, so a bundle already
// uploaded is not sent again and an endpoint's model data never changes under it. Gzip (the default)
// uploads model.tar.gz; uncompressed (large models: SageMaker skips the download-and-extract step)
// uploads the extracted files under `<model>/<sha256>/model/`, manifest.json last, so its presence
// means the whole prefix is complete.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractArchive, MANIFEST_FILE, type ManifestFile } from '@sagepack/bundle'
import { type ArtifactStore, bundleKey, putContentAddressed } from '@sagepack/core-data'
import type { ModelData } from './stack-parameters'

interface UploadedModelData extends ModelData {
  /** True when the store already held this exact bundle. */
  skipped: boolean
}

/** Where the model data of a bundle goes in the store: the archive, or the prefix of its files. */
export function modelDataKey(model: string, sha256: string, uncompressed: boolean): string {
  return uncompressed ? `${model}/${sha256}/model/` : bundleKey(model, sha256)
}

export async function uploadModelData(input: {
  store: ArtifactStore
  model: string
  bundle: string
  /** The bundle's digest, already taken: it is not hashed again. */
  sha256: string
  files: readonly ManifestFile[]
  uncompressed: boolean
}): Promise<UploadedModelData> {
  const { store, model, sha256 } = input
  if (!input.uncompressed) {
    const put = await putContentAddressed(store, model, input.bundle, { sha256 })
    return { url: put.uri, compression: 'Gzip', sha256, skipped: put.skipped }
  }
  const prefix = modelDataKey(model, sha256, true)
  const url = store.uri(prefix)
  if (await store.head(`${prefix}${MANIFEST_FILE}`))
    return { url, compression: 'None', sha256, skipped: true }
  const dir = await mkdtemp(join(tmpdir(), 'sagepack-model-data-'))
  try {
    const extracted = join(dir, 'model')
    // Held to the verified digests as it is written: what is uploaded is what was verified.
    await extractArchive(input.bundle, extracted, { expected: input.files })
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
