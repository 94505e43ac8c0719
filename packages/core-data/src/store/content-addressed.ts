// Bundles are stored under their own digest, `<model>/<sha256>/model.tar.gz`: a key names one exact
// archive forever, so an upload whose key already holds those bytes is skipped.
import type { ArtifactStore, PutFileOptions } from './artifact-store'
import { isSha256, sha256OfFile } from './file-digest'

export function bundleKey(model: string, sha256: string): string {
  if (!isSha256(sha256)) throw new TypeError(`bundleKey: ${JSON.stringify(sha256)} is not a hex sha256`)
  return `${model}/${sha256}/model.tar.gz`
}

export interface ContentAddressedUpload {
  key: string
  uri: string
  sha256: string
  size: number
  /** True when the store already held these bytes under the key, so nothing was uploaded. */
  skipped: boolean
}

export async function putContentAddressed(
  store: ArtifactStore,
  model: string,
  file: string,
  options: Pick<PutFileOptions, 'sha256' | 'onProgress'> = {},
): Promise<ContentAddressedUpload> {
  // A digest the caller already has is not computed again; the upload still checks the bytes against it.
  const sha256 = options.sha256 ?? (await sha256OfFile(file))
  const key = bundleKey(model, sha256)
  const existing = await store.head(key)
  // The recorded digest must match too: an object put there by hand, or cut short, is replaced.
  if (existing?.sha256 === sha256) {
    return { key, uri: store.uri(key), sha256, size: existing.size, skipped: true }
  }
  const stored = await store.putFile(key, file, {
    sha256,
    contentType: 'application/gzip',
    onProgress: options.onProgress,
  })
  return { key, uri: store.uri(key), sha256, size: stored.size, skipped: false }
}
