// Proves a bundle is intact: streams every entry, hashes it, and checks the files against the
// manifest.json inside (and against an expected list, when the caller has one). Every problem found is
// reported in one UserError.
import { createHash } from 'node:crypto'
import { MANIFEST_FILE, type ManifestFile } from '../manifest/bundle-manifest'
import { manifestMismatches } from '../manifest/manifest-check'
import { bundleEntryVerdict } from './archive-path'
import { bundleCorruptError } from './bundle-corrupt-error'
import { type ArchiveListing, type MemberSpan, readArchive } from './read-archive'

/**
 * manifest.json as far as verifying needs it: a valid `files` list. The rest is unchecked; validate
 * it with parseBundleManifest from @sagepack/core-serve before relying on it.
 */
export interface UncheckedManifest {
  files: ManifestFile[]
  [key: string]: unknown
}

export interface VerifiedArchive {
  /** Every entry's digest, in archive order, manifest.json included. */
  files: ManifestFile[]
  /** Every entry as stored (directories included), in archive order: what `listArchive` would list. */
  entries: ArchiveListing[]
  /** The parsed manifest.json, when the archive has one. */
  manifest: UncheckedManifest | undefined
}

/** A manifest of millions of files stays far below this; anything larger is not a manifest. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/**
 * Throws a UserError when the archive cannot be read, holds anything but regular files at safe paths,
 * or differs from its manifest.json or from `expected`. `expected` need not list manifest.json.
 *
 * Every problem is reported at once, but one: a file that the list (`expected`, else the manifest
 * once it has been read) does not hold at that size stops the reading at its header, so a gzip bomb
 * behind a lying manifest is never inflated.
 */
export async function verifyArchive(
  path: string,
  expected?: ManifestFile[],
  members?: readonly MemberSpan[],
): Promise<VerifiedArchive> {
  const files: ManifestFile[] = []
  const entries: ArchiveListing[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  let manifestBytes: Buffer | undefined
  let sizes = expected && sizesOf(expected)
  const stop = new AbortController()

  await readArchive(
    path,
    (entry) => {
      entries.push({ path: entry.path, size: entry.size, mode: entry.mode ?? 0, type: entry.type })
      const judged = bundleEntryVerdict(entry.type, entry.path)
      if (judged.verdict === 'skip') return
      if (judged.verdict === 'not-a-file') {
        problems.push(`${entry.path} is ${judged.problem}`)
        return
      }
      // An unsafe path is reported; the file is still hashed, so the manifest check does not call it missing.
      if (judged.verdict === 'unsafe-path') problems.push(`${JSON.stringify(entry.path)}: ${judged.problem}`)
      const entryPath = judged.path
      const listedSize = entryPath === MANIFEST_FILE ? undefined : sizes?.get(entryPath)
      if (sizes && entryPath !== MANIFEST_FILE && listedSize !== entry.size) {
        const source = expected ? 'the expected file list' : 'the manifest'
        problems.push(
          listedSize === undefined
            ? `${entryPath} (${entry.size} bytes) is not listed in ${source}; stopped reading there`
            : `${entryPath} holds ${entry.size} bytes, ${source} says ${listedSize}; stopped reading there`,
        )
        stop.abort()
        return
      }
      if (seen.has(entryPath)) problems.push(`${entryPath} appears more than once`)
      seen.add(entryPath)
      const hash = createHash('sha256')
      let size = 0
      const isManifest = entryPath === MANIFEST_FILE
      if (isManifest && entry.size > MAX_MANIFEST_BYTES) {
        problems.push(`${MANIFEST_FILE} is ${entry.size} bytes, too large to be a manifest`)
      }
      const kept: Buffer[] | undefined = isManifest && entry.size <= MAX_MANIFEST_BYTES ? [] : undefined
      entry.on('data', (data: Buffer) => {
        hash.update(data)
        size += data.length
        kept?.push(data)
      })
      entry.on('end', () => {
        files.push({ path: entryPath, sha256: hash.digest('hex'), size })
        if (!kept) return
        manifestBytes = Buffer.concat(kept)
        // From here on each file is held to the size the manifest lists, before it is inflated.
        sizes ??= sizesOf(parseManifest(manifestBytes, [])?.files ?? [])
      })
    },
    members,
    stop.signal,
  )

  // Stopped early: the files after the stop were never read, so none of them can be called missing.
  if (stop.signal.aborted) throw bundleCorruptError(path, problems)
  const manifest = manifestBytes === undefined ? undefined : parseManifest(manifestBytes, problems)
  if (manifest) {
    problems.push(...manifestMismatches(manifest.files, files, 'the manifest', new Set([MANIFEST_FILE])))
  }
  if (expected) {
    const exempt = new Set(expected.some((file) => file.path === MANIFEST_FILE) ? [] : [MANIFEST_FILE])
    problems.push(...manifestMismatches(expected, files, 'the expected file list', exempt))
  }
  if (problems.length > 0) throw bundleCorruptError(path, problems)
  return { files, entries, manifest }
}

function sizesOf(files: readonly ManifestFile[]): Map<string, number> {
  return new Map(files.map((file) => [file.path, file.size]))
}

/** Parses manifest.json far enough to check files against it; a broken one is one more problem. */
function parseManifest(bytes: Buffer, problems: string[]): UncheckedManifest | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    problems.push(`${MANIFEST_FILE} is not valid JSON (${(error as Error).message})`)
    return undefined
  }
  const files = (parsed as { files?: unknown } | null)?.files
  if (!Array.isArray(files) || !files.every(isManifestFile)) {
    problems.push(`${MANIFEST_FILE} has no valid "files" list of { path, sha256, size }`)
    return undefined
  }
  // Only `files` is relied on here; the rest is checked by parseBundleManifest where it is used.
  return parsed as UncheckedManifest
}

function isManifestFile(value: unknown): value is ManifestFile {
  const file = value as Partial<ManifestFile> | null
  return typeof file?.path === 'string' && typeof file.sha256 === 'string' && typeof file.size === 'number'
}
