// Skips rewriting a bundle that is already exactly what this build would write. A bundle's bytes
// follow from its entries alone (paths, modes, contents; the archive is reproducible), so the cache key
// is a digest of the entries, taken after the inference code is built and the weights hashed: any
// change to the run, the code, the config, the git state or the runtime dependencies misses. The
// record sits next to the bundle; the bundle itself is re-hashed on every hit, so a bundle edited or
// truncated since is rebuilt, never trusted.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { sha256OfFile, writeJsonAtomic } from '@sagepack/core-data'
import type { BundleManifest } from '../manifest/bundle-manifest'

/** Raised whenever the archive writer would write other bytes for the same entries. */
const ARCHIVE_FORMAT = 'sagepack-bundle/2'

export interface CachedEntry {
  archivePath: string
  mode: number
  sha256: string
  size: number
}

interface BundleCacheRecord {
  key: string
  sha256: string
  size: number
  manifest: BundleManifest
}

export function bundleCacheKey(entries: readonly CachedEntry[]): string {
  const hash = createHash('sha256').update(`${ARCHIVE_FORMAT}\n`)
  for (const e of [...entries].sort((a, b) => (a.archivePath < b.archivePath ? -1 : 1))) {
    hash.update(`${e.archivePath}\0${e.mode.toString(8)}\0${e.sha256}\0${e.size}\n`)
  }
  return hash.digest('hex')
}

/** `dist/.model.tar.gz.cache.json` for `dist/model.tar.gz`. */
export function bundleCacheFile(outFile: string): string {
  return join(dirname(outFile), `.${basename(outFile)}.cache.json`)
}

/** The bundle already at outFile, when it is what `key` describes; undefined otherwise. */
export async function cachedBundle(
  outFile: string,
  key: string,
): Promise<{ sha256: string; size: number; manifest: BundleManifest } | undefined> {
  const recordFile = bundleCacheFile(outFile)
  if (!existsSync(outFile) || !existsSync(recordFile)) return undefined
  let record: BundleCacheRecord
  try {
    record = JSON.parse(await readFile(recordFile, 'utf8')) as BundleCacheRecord
  } catch {
    return undefined // An unreadable record only costs a rebuild.
  }
  if (record.key !== key) return undefined
  if ((await sha256OfFile(outFile)) !== record.sha256) return undefined
  return { sha256: record.sha256, size: record.size, manifest: record.manifest }
}

export async function recordBundle(
  outFile: string,
  key: string,
  bundle: { sha256: string; size: number; manifest: BundleManifest },
): Promise<void> {
  const record: BundleCacheRecord = { key, ...bundle }
  await writeJsonAtomic(bundleCacheFile(outFile), record)
}
