// manifest.json of a bundle: the digest of every file (streamed, so weights of any size hash in flat
// memory) and one deterministic serialization, so the same bundle always has the same manifest bytes.
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { UserError } from '@sagepack/core-data'
import { compareArchivePaths } from '../archive/archive-entry'
import { type BundleManifest, MANIFEST_FILE, type ManifestFile } from './bundle-manifest'

export interface FileDigest {
  sha256: string
  size: number
}

/** Bytes per read while hashing; two such buffers take turns. */
const DIGEST_READ_BYTES = 1024 * 1024

/**
 * Reads through two buffers that take turns (one is read into while the other is hashed), not a
 * stream: a stream leaves a fresh buffer per read for the garbage collector, tens of MiB of resident
 * memory while a gigabyte of weights is hashed.
 */
export async function fileDigest(path: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  const file = await open(path, 'r')
  try {
    const buffers: Buffer[] = [Buffer.allocUnsafe(DIGEST_READ_BYTES), Buffer.allocUnsafe(DIGEST_READ_BYTES)]
    let size = 0
    let turn = 0
    let reading = file.read(buffers[0] as Buffer, 0, DIGEST_READ_BYTES, 0)
    for (;;) {
      const { bytesRead, buffer } = await reading
      if (bytesRead === 0) break
      size += bytesRead
      turn = 1 - turn
      reading = file.read(buffers[turn] as Buffer, 0, DIGEST_READ_BYTES, size)
      hash.update(buffer.subarray(0, bytesRead))
    }
    return { sha256: hash.digest('hex'), size }
  } finally {
    await file.close()
  }
}

/** The manifest of a bundle whose files (every one but manifest.json) have these digests. */
export function buildManifest(
  base: Omit<BundleManifest, 'files'>,
  files: Array<{ archivePath: string; sha256: string; size: number }>,
): BundleManifest {
  const sorted = [...files].sort((a, b) => compareArchivePaths(a.archivePath, b.archivePath))
  for (const [i, file] of sorted.entries()) {
    if (file.archivePath === MANIFEST_FILE) {
      throw new UserError({
        input: file.archivePath,
        problem: 'a file of the model is named like the manifest the bundle adds itself',
        fix: `rename the file, or list ${MANIFEST_FILE} in .bundleignore`,
      })
    }
    if (i > 0 && sorted[i - 1]?.archivePath === file.archivePath) {
      throw new UserError({
        input: file.archivePath,
        problem: 'two files would be stored under this path in the bundle (the path is listed twice)',
        fix: 'rename one of them, or leave one out with .bundleignore',
      })
    }
  }
  return {
    ...base,
    files: sorted.map((file) => ({ path: file.archivePath, sha256: file.sha256, size: file.size })),
  }
}

/**
 * manifest.json's bytes (UTF-8): keys in the order of the BundleManifest type (not the order an object
 * happened to be built in), dependencies and files sorted, 2-space indent, trailing newline.
 */
export function serializeManifest(manifest: BundleManifest): Buffer {
  const ordered: BundleManifest = {
    format: manifest.format,
    name: manifest.name,
    version: manifest.version,
    git: { commit: manifest.git.commit, dirty: manifest.git.dirty },
    runId: manifest.runId,
    runtime: {
      name: manifest.runtime.name,
      node: manifest.runtime.node,
      dependencies: Object.fromEntries(
        Object.entries(manifest.runtime.dependencies).sort(([a], [b]) => compareArchivePaths(a, b)),
      ),
    },
    entry: manifest.entry,
    modelFormat: manifest.modelFormat,
    files: [...manifest.files]
      .sort((a, b) => compareArchivePaths(a.path, b.path))
      .map((file): ManifestFile => ({ path: file.path, sha256: file.sha256, size: file.size })),
  }
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8')
}
