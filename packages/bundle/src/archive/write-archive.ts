// Writes a bundle's model.tar.gz: reproducible (sorted entries, fixed headers, gzip members without
// time or OS), streamed and compressed in parallel in bounded memory, verified before it replaces
// the output, and never left half-written.
import { createHash, randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { open, rename, rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { isUserError, UserError } from '@sagepack/core-data'
import type { ManifestFile } from '../manifest/bundle-manifest'
import { type ArchiveEntry, compareArchivePaths, entrySize } from './archive-entry'
import { archivePathProblem } from './archive-path'
import { compressInto, memberOf } from './compression-level'
import { type CompressionWorkers, startCompressionWorkers } from './compression-workers'
import { memberRoom } from './gzip-member'
import { forEachInOrder } from './ordered-work-window'
import { type PhaseListener, phaseTally, startPhase } from './phase-timing'
import type { MemberSpan } from './read-archive'
import { tarChunks } from './tar-chunks'
import { END_OF_ARCHIVE, tarFileLength } from './tar-header'
import { verifyArchive } from './verify-archive'

export interface WriteArchiveOptions {
  /**
   * Worker threads that compress, default os.availableParallelism(); chunks in flight at once are
   * concurrency + 2, at most 16 MiB of them. An archive of a few chunks is compressed on the calling
   * thread instead: starting workers would take longer. The bytes are the same either way.
   */
  concurrency?: number
  /** Called after each chunk is written, with bytes of the (uncompressed) tar stream. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void
  /**
   * Bytes of the tar stream per gzip member (default 2 MiB). Part of the output format: the same
   * entries give the same bytes only with the same chunk size. Tests use a small one.
   */
  chunkSize?: number
  /**
   * Called as each phase ends, with its wall and CPU time: compress, then the tar stream and the writes
   * that ran alongside it, then read back and verify, then the sync that ran alongside that.
   */
  onPhase?: PhaseListener
}

export interface WrittenArchive {
  /** sha256 of the .tar.gz file itself. */
  sha256: string
  size: number
}

/**
 * Small enough that the members in flight, and the output buffers zlib leaves for the collector (which
 * frees them tens of MiB late), keep the resident set flat and small; large enough that what each member
 * costs (a trip to the thread pool and back, 18 bytes of gzip framing) is noise.
 */
const DEFAULT_CHUNK_SIZE = 2 * 1024 * 1024
/** Uncompressed bytes in flight at most, whatever the concurrency, so memory stays flat. */
const MAX_IN_FLIGHT_BYTES = 16 * 1024 * 1024
/** Tar streams up to this many chunks are compressed on the calling thread, without workers. */
const CHUNKS_WITHOUT_WORKERS = 4
/** Members handed to the kernel and not yet written: enough to keep compressing while it copies. */
const MAX_PENDING_WRITES = 2

export async function writeArchive(
  entries: ArchiveEntry[],
  outFile: string,
  options: WriteArchiveOptions = {},
): Promise<WrittenArchive> {
  const sorted = sortedCheckedEntries(entries, outFile)
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()))
  // One chunk per core compressing, one being read, one waiting to be handed on.
  const window = Math.max(2, Math.min(concurrency + 2, Math.floor(MAX_IN_FLIGHT_BYTES / chunkSize)))
  const bytesTotal =
    sorted.reduce(
      (sum, entry) =>
        sum + tarFileLength({ path: entry.archivePath, size: entrySize(entry), mode: entry.mode }),
      0,
    ) + END_OF_ARCHIVE.length

  const tempFile = join(dirname(outFile), `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  // Each member goes to its own offset, so its write need not wait for the one before: compressing
  // goes on while the kernel copies members into the page cache. A few writes in flight at most.
  const pendingWrites: Promise<void>[] = []
  let workers: CompressionWorkers | undefined
  try {
    const file = await open(tempFile, 'wx', 0o644)
    handle = file
    const written: ManifestFile[] = []
    // Chunk and output buffers live in shared memory, which the compression workers read and write in
    // place, and are reused once written: no copies between threads, no garbage for the collector to
    // chase, no fresh pages to fault in.
    const freeChunks: Buffer[] = []
    const freeOutputs: Uint8Array[] = []
    const outputRoom = memberRoom(chunkSize)
    if (bytesTotal > CHUNKS_WITHOUT_WORKERS * chunkSize) workers = await startCompressionWorkers(concurrency)
    const compressor = workers ?? { compress: async (chunk, out) => compressInto(chunk, out) }
    const archiveHash = createHash('sha256')
    const members: MemberSpan[] = []
    let size = 0
    let bytesDone = 0
    options.onProgress?.(0, bytesTotal)
    const endCompress = startPhase('compress', options.onPhase)
    const writes = phaseTally('write', 'compress')
    // The tar stream's time is the main thread's wait for each chunk: reading files into it (and
    // hashing those without a digest yet) while the workers compress the chunks before it.
    const tar = phaseTally('tar', 'compress')
    await forEachInOrder(
      tar.each(
        tarChunks(sorted, {
          chunkSize,
          allocate: () => freeChunks.pop() ?? Buffer.from(new SharedArrayBuffer(chunkSize)),
          onEntryDigest: (path, sha256, bytes) => written.push({ path, sha256, size: bytes }),
        }),
      ),
      async (chunk) => {
        const out = freeOutputs.pop() ?? new Uint8Array(new SharedArrayBuffer(outputRoom))
        return { member: memberOf(chunk, await compressor.compress(chunk, out), out), chunk, out }
      },
      async ({ member, chunk, out }) => {
        const length = member.reduce((sum, part) => sum + part.byteLength, 0)
        members.push({ offset: size, length, inflatedLength: chunk.length })
        const write = writes.time(() => writeAllAt(file, member, size))
        // A stored member's data is the chunk itself: the chunk is reused only once it is written.
        const done = write.then(() => {
          if (chunk.length === chunkSize) freeChunks.push(chunk)
          freeOutputs.push(out)
          bytesDone += chunk.length
          options.onProgress?.(bytesDone, bytesTotal)
        })
        // Awaited below; if an earlier write fails first, this one's rejection must not go unhandled.
        done.catch(() => {})
        pendingWrites.push(done)
        for (const part of member) archiveHash.update(part)
        size += length
        if (pendingWrites.length > MAX_PENDING_WRITES) await pendingWrites.shift()
      },
      window,
    )
    await Promise.all(pendingWrites)
    await workers?.close()
    workers = undefined
    endCompress()
    tar.report(options.onPhase)
    writes.report(options.onPhase)
    // The chunk and output buffers are done with; let them go before the read-back allocates its own.
    freeChunks.length = 0
    freeOutputs.length = 0
    // On disk before the rename, so a crash cannot leave the new name pointing at missing data. The
    // check reads the file back from the page cache meanwhile: flushing is disk time, checking is CPU.
    const endReadBack = startPhase('read back and verify', options.onPhase)
    const syncs = phaseTally('sync', 'read back and verify')
    const [synced, verified] = await Promise.allSettled([
      syncs.time(() => file.sync()),
      verifyWritten(tempFile, outFile, written, members).finally(endReadBack),
    ])
    syncs.report(options.onPhase)
    if (verified.status === 'rejected') throw verified.reason
    if (synced.status === 'rejected') throw synced.reason
    handle = undefined
    await file.close()
    await rename(tempFile, outFile)
    return { sha256: archiveHash.digest('hex'), size }
  } catch (error) {
    // No write may land in the temp file after it is removed.
    await Promise.allSettled(pendingWrites)
    await workers?.close()
    await handle?.close().catch(() => {})
    await rm(tempFile, { force: true })
    throw error
  }
}

/** Entries sorted by path, after refusing unsafe paths, duplicates and modes other than 0644/0755. */
function sortedCheckedEntries(entries: ArchiveEntry[], outFile: string): ArchiveEntry[] {
  if (entries.length === 0) {
    // node-tar reads an archive of nothing but end blocks as "unrecognized format", so none is written.
    throw new UserError({ input: outFile, problem: 'no files to archive', expected: 'at least one file' })
  }
  const sorted = [...entries].sort((a, b) => compareArchivePaths(a.archivePath, b.archivePath))
  for (const [i, entry] of sorted.entries()) {
    const problem = archivePathProblem(entry.archivePath)
    if (problem) {
      throw new UserError({
        input: JSON.stringify(entry.archivePath),
        problem: `cannot be stored in a bundle: ${problem}`,
        expected: 'a relative POSIX path inside the bundle, e.g. code/inference.mjs',
      })
    }
    if (sorted[i - 1]?.archivePath === entry.archivePath) {
      throw new UserError({
        input: entry.archivePath,
        problem: 'two files would be stored under this path',
        fix: 'rename one of them, or leave one out with .bundleignore',
      })
    }
    if (entry.mode !== 0o644 && entry.mode !== 0o755) {
      const mode = (entry.mode as number).toString(8)
      throw new Error(`writeArchive: ${entry.archivePath} has mode ${mode}, not 644 or 755`)
    }
  }
  return sorted
}

/** Writes the parts in order from `position` on, going on where a short write stopped. */
async function writeAllAt(file: FileHandle, parts: Uint8Array[], position: number): Promise<void> {
  let rest = parts
  let at = position
  while (rest.length > 0) {
    let { bytesWritten } = await file.writev(rest, at)
    at += bytesWritten
    while (rest.length > 0 && bytesWritten >= (rest[0]?.byteLength ?? 0)) {
      bytesWritten -= rest[0]?.byteLength ?? 0
      rest = rest.slice(1)
    }
    if (bytesWritten > 0 && rest[0]) rest = [rest[0].subarray(bytesWritten), ...rest.slice(1)]
  }
}

/** Reads the new archive back; a failure names the output file, not the temporary one. */
async function verifyWritten(
  tempFile: string,
  outFile: string,
  written: ManifestFile[],
  members: readonly MemberSpan[],
): Promise<void> {
  try {
    await verifyArchive(tempFile, written, members)
  } catch (error) {
    if (!isUserError(error)) throw error
    throw new UserError(
      {
        input: outFile,
        problem: `the new archive failed its check and was not saved: ${error.problem}`,
        expected: error.expected,
        fix: 'if a file changed while bundling, bundle again once it is stable; otherwise report a bug',
      },
      { cause: error },
    )
  }
}
