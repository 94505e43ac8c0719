// Reads a .tar.gz with node-tar, streaming: lists its entries, or hands each entry's data to a
// callback. A damaged archive becomes a UserError naming the entry that was being read.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { promisify } from 'node:util'
import { createGunzip, gunzip } from 'node:zlib'
import { UserError } from '@sagepack/core-data'
import { Parser, type ReadEntry } from 'tar'
import { bundleCorruptError } from './bundle-corrupt-error'
import { forEachInOrder } from './ordered-work-window'

const gunzipAsync = promisify(gunzip)

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
 * listeners inside the callback: the entry flows as soon as it returns. Aborting `stop` ends the
 * reading early (nothing more is inflated) and resolves.
 */
export async function readArchive(
  path: string,
  onEntry: (entry: ReadEntry) => void,
  members?: readonly MemberSpan[],
  stop?: AbortSignal,
): Promise<void> {
  let current: string | undefined
  // Node's gunzip rather than node-tar's own: it hands on each 256 KiB as it inflates, so a failed gzip
  // check comes after the entries before it were seen (and can be named), and node-tar's 1000:1 bomb
  // guard, which a zero-filled tensor trips, does not apply to our own bundles.
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      current = entry.path
      if (!stop?.aborted) onEntry(entry)
      entry.resume()
    },
  })
  try {
    if (members) {
      await inflateMembersInto(path, members, parser, stop)
    } else {
      await new Promise<void>((resolve, reject) => {
        const source = createReadStream(path, { highWaterMark: 256 * 1024 })
        const gunzip = createGunzip({ chunkSize: 256 * 1024 })
        source.on('error', reject)
        gunzip.on('error', reject)
        parser.on('error', reject)
        parser.on('end', resolve)
        stop?.addEventListener('abort', () => {
          source.destroy()
          gunzip.destroy()
          resolve()
        })
        source.pipe(gunzip).pipe(parser)
      })
    }
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

/** Where one gzip member lies in the file and how much it holds, as the writer recorded it. */
export interface MemberSpan {
  offset: number
  length: number
  /** Bytes of tar stream the member inflates to. */
  inflatedLength: number
}

/**
 * The writer knows where each gzip member starts, so its check can inflate members in parallel on
 * the thread pool (each member stands alone) and feed the tar parser in order: the read-back of a
 * 1 GiB bundle then takes a share of the cores instead of one core's inflate speed. Each member
 * inflates into one buffer of its known size, in one trip to the thread pool: in 16 KiB pieces (zlib's
 * default) each piece waits for the main thread, which is busy hashing, and the cores idle.
 */
async function inflateMembersInto(
  path: string,
  members: readonly MemberSpan[],
  parser: Parser,
  stop: AbortSignal | undefined,
): Promise<void> {
  const file = await open(path, 'r')
  try {
    const ended = new Promise<void>((resolve, reject) => {
      parser.on('error', reject)
      parser.on('end', resolve)
    })
    // Read buffers, each with room for the largest member, go back here once their member is inflated:
    // the read-back allocates a few, whatever the archive size.
    const freeBuffers: Buffer[] = []
    const roomSize = members.reduce((largest, member) => Math.max(largest, member.length), 0)
    async function* compressed(): AsyncGenerator<{ bytes: Buffer; room: Buffer; member: MemberSpan }> {
      for (const member of members) {
        if (stop?.aborted) return
        const room = freeBuffers.pop() ?? Buffer.allocUnsafe(roomSize)
        const bytes = room.subarray(0, member.length)
        const { bytesRead } = await file.read(bytes, 0, member.length, member.offset)
        if (bytesRead !== member.length)
          throw new Error(`the file ends inside the gzip member at byte ${member.offset}`)
        yield { bytes, room, member }
      }
    }
    await forEachInOrder(
      compressed(),
      async ({ bytes, room, member }) => {
        // One byte more than the member holds: a full output buffer would cost zlib a second trip.
        const data = await gunzipAsync(bytes, { chunkSize: Math.max(64, member.inflatedLength + 1) })
        freeBuffers.push(room)
        return data
      },
      async (data) => {
        if (!stop?.aborted) parser.write(data)
      },
      // A member per core in flight and one more: memory stays at a few chunks whatever the archive size.
      Math.max(2, availableParallelism() + 1),
    )
    if (stop?.aborted) return
    parser.end()
    await ended
  } finally {
    await file.close()
  }
}
