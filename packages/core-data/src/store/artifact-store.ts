// The port for where artifacts (bundles, run archives) are kept: a local folder or an S3 prefix, so
// commands never care which one a team uses.
import { UserError } from '../errors/user-error'

/** One object in a store. */
export interface StoredObject {
  /** The key relative to the store's root, e.g. `iris/<sha256>/model.tar.gz`. */
  key: string
  size: number
  /** Hex SHA-256 of the bytes, as recorded when the object was put; absent when none was recorded. */
  sha256?: string
}

/** Called as bytes move: how many are done of how many in all. */
export type TransferProgress = (doneBytes: number, totalBytes: number) => void

export interface PutFileOptions {
  /** The file's SHA-256 when the caller already has it; the bytes sent are checked against it. */
  sha256?: string
  contentType?: string
  onProgress?: TransferProgress
  /**
   * Stops the upload while the file is still being read; no object is left behind. Once every byte
   * has been read the upload commits (a single PUT, or the multipart completion), as S3 itself would.
   */
  signal?: AbortSignal
}

export interface GetFileOptions {
  onProgress?: TransferProgress
}

export interface ArtifactStore {
  /** `file:///abs/dir/` or `s3://bucket/prefix/`; always ends with '/'. */
  readonly root: string
  /** The object's full URI: the root plus the key. */
  uri(key: string): string
  /** The object, or undefined when there is none under this key. */
  head(key: string): Promise<StoredObject | undefined>
  /** Uploads a file with its SHA-256 recorded; readers see the old object or the whole new one. */
  putFile(key: string, file: string, options?: PutFileOptions): Promise<StoredObject>
  /** Downloads to `file` atomically, checking the bytes against the recorded SHA-256. */
  getFile(key: string, file: string, options?: GetFileOptions): Promise<StoredObject>
  /** The object's bytes as a stream (not checked: use getFile when the digest matters). */
  openRead(key: string): Promise<NodeJS.ReadableStream>
  /** Every object whose key starts with `prefix`, sorted by key; `sha256` is not filled in. */
  list(prefix: string): Promise<StoredObject[]>
}

/** What every store's getFile and openRead fail with when there is no object under the key. */
export function noSuchObject(uri: string, cause?: unknown): UserError {
  return new UserError(
    { input: uri, problem: 'no such object in the store', fix: 'check the key and the store URI' },
    { cause },
  )
}
