// Cuts the tar stream of a bundle into fixed-size chunks for parallel compression, reading each file
// straight into the chunk it lands in, so a file is never held in memory whole and never copied twice.
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { UserError } from '@sagepack/core-data'
import { type ArchiveEntry, entrySize } from './archive-entry'
import { END_OF_ARCHIVE, paddingAfter, tarFileHeader } from './tar-header'

export interface TarChunksOptions {
  chunkSize: number
  /** Where chunk buffers come from, so the caller can reuse written ones; `chunkSize` bytes each. */
  allocate?: () => Buffer
  /** Called once per entry, after its data went into chunks, with the digest of exactly those bytes. */
  onEntryDigest?: (archivePath: string, sha256: string, size: number) => void
}

/**
 * Yields the tar stream of `entries` (in the order given) as chunks of `chunkSize` bytes, the last one
 * shorter. A file at least half a chunk long starts a new chunk, so the compression level picked from a
 * chunk's content is picked for that file's bytes rather than for its small neighbours. Boundaries
 * depend only on the entries, never on timing, which keeps the archive reproducible.
 */
export async function* tarChunks(entries: ArchiveEntry[], options: TarChunksOptions): AsyncGenerator<Buffer> {
  const { chunkSize } = options
  const allocate = options.allocate ?? (() => Buffer.allocUnsafe(chunkSize))
  // Allocated when the first byte lands in it, so no buffer is taken for a chunk that never comes.
  let chunk: Buffer | undefined
  let used = 0
  const room = (): Buffer => {
    chunk ??= allocate()
    return chunk
  }
  const takeChunk = (): Buffer => {
    const full = room()
    chunk = undefined
    const length = used
    used = 0
    return length === chunkSize ? full : full.subarray(0, length)
  }
  function* put(bytes: Uint8Array): Generator<Buffer> {
    let offset = 0
    while (offset < bytes.byteLength) {
      const n = Math.min(bytes.byteLength - offset, chunkSize - used)
      room().set(bytes.subarray(offset, offset + n), used)
      used += n
      offset += n
      if (used === chunkSize) yield takeChunk()
    }
  }

  for (const entry of entries) {
    const size = entrySize(entry)
    if (used > 0 && size >= chunkSize / 2) yield takeChunk()
    yield* put(tarFileHeader({ path: entry.archivePath, size, mode: entry.mode }))
    const known = 'path' in entry.source ? entry.source.sha256 : undefined
    const hash = known === undefined ? createHash('sha256') : undefined
    if ('data' in entry.source) {
      hash?.update(entry.source.data)
      yield* put(entry.source.data)
    } else {
      const source = entry.source
      const file = await open(source.path, 'r')
      try {
        const { size: sizeNow } = await file.stat()
        if (sizeNow !== size) throw changedWhileBundling(entry.archivePath, source.path, size, sizeNow)
        let position = 0
        while (position < size) {
          const n = Math.min(size - position, chunkSize - used)
          const target = room()
          const { bytesRead } = await file.read(target, used, n, position)
          if (bytesRead === 0) throw changedWhileBundling(entry.archivePath, source.path, size, position)
          hash?.update(target.subarray(used, used + bytesRead))
          used += bytesRead
          position += bytesRead
          if (used === chunkSize) yield takeChunk()
        }
      } finally {
        await file.close()
      }
    }
    options.onEntryDigest?.(
      entry.archivePath,
      known ?? (hash as ReturnType<typeof createHash>).digest('hex'),
      size,
    )
    yield* put(Buffer.alloc(paddingAfter(size)))
  }
  yield* put(END_OF_ARCHIVE)
  if (used > 0) yield takeChunk()
}

function changedWhileBundling(archivePath: string, path: string, expected: number, found: number): UserError {
  return new UserError({
    input: path,
    problem: `changed while it was being bundled as ${archivePath} (${expected} bytes when listed, ${found} now)`,
    expected: 'files that stay the same until the bundle is written',
    fix: 'wait for whatever writes the file (a training run?) to finish, then bundle again',
  })
}
