// Reads a .tar.gz with node-tar, streaming: lists its entries, or hands each entry's data to a
// callback. A damaged archive becomes a UserError naming the entry that was being read.
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { UserError } from '@sagepack/core-data'
import { Parser, type ReadEntry } from 'tar'
import { bundleCorruptError } from './bundle-corrupt-error'

export interface ArchiveListing {
  path: string
  size: number
  /** Permission bits as stored, e.g. 0o644. */
  mode: number
  /** node-tar's entry type name: `File`, `Directory`, `SymbolicLink`, ... */
  type: string
}

/** Every entry of the archive, in archive order. */
export async function listArchive(path: string): Promise<ArchiveListing[]> {
  const entries: ArchiveListing[] = []
  await readArchive(path, (entry) => {
    entries.push({ path: entry.path, size: entry.size, mode: entry.mode ?? 0, type: entry.type })
  })
  return entries
}

/**
 * Streams the archive through `onEntry`, one call per entry in archive order. Attach `data`/`end`
 * listeners inside the callback: the entry flows as soon as it returns.
 */
export async function readArchive(path: string, onEntry: (entry: ReadEntry) => void): Promise<void> {
  let current: string | undefined
  // Node's gunzip rather than node-tar's own: it hands on each 256 KiB as it inflates, so a failed gzip
  // check comes after the entries before it were seen (and can be named), and node-tar's 1000:1 bomb
  // guard, which a zero-filled tensor trips, does not apply to our own bundles.
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      current = entry.path
      onEntry(entry)
      entry.resume()
    },
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const source = createReadStream(path, { highWaterMark: 256 * 1024 })
      const gunzip = createGunzip({ chunkSize: 256 * 1024 })
      source.on('error', reject)
      gunzip.on('error', reject)
      parser.on('error', reject)
      parser.on('end', resolve)
      source.pipe(gunzip).pipe(parser)
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError({
        input: path,
        problem: 'no such archive',
        fix: 'check the path, or build the bundle first with `pnpm bundle <model>`',
      })
    }
    const reason = error instanceof Error ? error.message : String(error)
    const where =
      current === undefined ? 'detected before any entry was read' : `detected while reading ${current}`
    throw bundleCorruptError(path, [`${reason} (${where})`], error)
  }
}
