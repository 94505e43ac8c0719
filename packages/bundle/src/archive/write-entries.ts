// Streams a .tar.gz's files to disk as they inflate, one write stream per file, pausing the archive
// whenever the disk falls behind: memory holds a few chunks whatever the size of a file. With the list
// of files the archive must hold (its verified manifest's), every file is capped at its listed size
// before a byte is written, counted and hashed as it is written, and the total is capped too, so a
// gzip bomb or a manifest that lies stops at once with the reason.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { UserError } from '@sagepack/core-data'
import { Parser, type ReadEntry } from 'tar'
import { MANIFEST_FILE, type ManifestFile } from '../manifest/bundle-manifest'
import { bundleEntryVerdict } from './archive-path'
import { bundleCorruptError } from './bundle-corrupt-error'
import { MAX_MANIFEST_BYTES } from './verify-archive'

/** Inflated and written a chunk at a time. */
const CHUNK = 256 * 1024

/** Raised to stop extracting: the reason, as the one problem to report. */
class Refusal extends Error {}

/**
 * Writes the regular files of `archive` under `dir` (which must exist and be empty), refusing links
 * and unsafe paths by the same rule as reading. `expected` (manifest.json exempt) caps what may be
 * written; without it every file is written as it comes.
 */
export function writeEntries(
  archive: string,
  dir: string,
  expected: readonly ManifestFile[] | undefined,
): Promise<void> {
  const listed = expected && new Map(expected.map((file) => [file.path, file]))
  const totalCap = expected?.reduce((sum, file) => sum + file.size, MAX_MANIFEST_BYTES)
  const written = new Set<string>()
  const refused: string[] = []
  let total = 0
  let current: string | undefined

  return new Promise<void>((resolve, reject) => {
    const source = createReadStream(archive, { highWaterMark: CHUNK })
    const gunzip = createGunzip({ chunkSize: CHUNK })
    const parser = new Parser({ strict: true })
    const writes: Promise<void>[] = []
    let stopped = false
    const stop = (error: unknown) => {
      if (stopped) return
      stopped = true
      source.destroy()
      gunzip.destroy()
      // Let the writes in flight settle (and close their files) before the caller removes the folder.
      void Promise.allSettled(writes).then(() => reject(asUserError(error)))
    }
    const asUserError = (error: unknown): unknown => {
      if (error instanceof Refusal) return bundleCorruptError(archive, [error.message])
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && current === undefined) return error
      const reason = error instanceof Error ? error.message : String(error)
      const where =
        current === undefined ? 'detected before any entry was read' : `detected while reading ${current}`
      return bundleCorruptError(archive, [...refused, `${reason} (${where})`], error)
    }

    parser.on('entry', (entry: ReadEntry) => {
      current = entry.path
      if (stopped) {
        entry.resume()
        return
      }
      const judged = bundleEntryVerdict(entry.type, entry.path)
      if (judged.verdict !== 'file') {
        if (judged.verdict !== 'skip') refused.push(`${JSON.stringify(entry.path)}: ${judged.problem}`)
        entry.resume()
        return
      }
      try {
        const cap = capOf(judged.path, entry.size)
        written.add(judged.path)
        // Safe to create: the path was judged to stay inside `dir`, and `dir` holds nothing we did not write.
        mkdirSync(dirname(join(dir, judged.path)), { recursive: true })
        writes.push(writeFile(entry, join(dir, judged.path), cap).catch(stop))
      } catch (error) {
        entry.resume()
        stop(error)
      }
    })
    parser.on('end', () => {
      Promise.all(writes).then(() => {
        if (stopped) return
        const missing = [...(listed?.keys() ?? [])].filter((path) => !written.has(path))
        if (refused.length > 0) {
          reject(
            new UserError({
              input: archive,
              problem: `holds entries that cannot be extracted safely: ${refused.join('; ')}`,
              expected: 'a bundle written by `pnpm bundle`: regular files at relative paths',
              fix: 'build the bundle again with `pnpm bundle <model>`',
            }),
          )
        } else if (missing.length > 0) {
          reject(
            bundleCorruptError(
              archive,
              missing.map((path) => `${path} is missing (listed in the manifest)`),
            ),
          )
        } else {
          resolve()
        }
      }, stop)
    })
    source.on('error', stop)
    gunzip.on('error', stop)
    parser.on('error', stop)
    source.pipe(gunzip).pipe(parser)
  })

  /** How many bytes `path` may hold, and the digest it must have; throws a Refusal past the caps. */
  function capOf(path: string, size: number): { bytes: number; sha256?: string } {
    if (written.has(path)) throw new Refusal(`${path} appears more than once`)
    if (path === MANIFEST_FILE) {
      if (size > MAX_MANIFEST_BYTES)
        throw new Refusal(`${MANIFEST_FILE} is ${size} bytes, too large to be a manifest`)
      return { bytes: size }
    }
    if (!listed) return { bytes: size }
    const file = listed.get(path)
    if (!file) throw new Refusal(`${path} is not listed in the manifest`)
    if (size !== file.size) throw new Refusal(`${path} holds ${size} bytes, the manifest says ${file.size}`)
    return { bytes: file.size, sha256: file.sha256 }
  }

  /** Streams one entry into a new file, counting and hashing it against its cap as it goes. */
  function writeFile(entry: ReadEntry, path: string, cap: { bytes: number; sha256?: string }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path, { flags: 'wx', mode: (entry.mode ?? 0o644) & 0o777 })
      const hash = cap.sha256 ? createHash('sha256') : undefined
      let bytes = 0
      let failed = false
      const fail = (error: unknown) => {
        if (failed) return
        failed = true
        entry.resume()
        out.destroy()
        out.once('close', () => reject(error))
      }
      entry.on('data', (data: Buffer) => {
        if (failed) return
        bytes += data.length
        total += data.length
        // The tar reader keeps to the header's size; counting what actually comes is the cap that holds
        // whatever the header says.
        if (bytes > cap.bytes)
          return fail(new Refusal(`${entry.path} holds more than the ${cap.bytes} bytes listed`))
        if (totalCap !== undefined && total > totalCap) {
          return fail(new Refusal(`the files hold more than the ${totalCap} bytes the manifest lists in all`))
        }
        hash?.update(data)
        if (!out.write(data)) {
          entry.pause()
          out.once('drain', () => entry.resume())
        }
      })
      entry.on('end', () => {
        if (failed) return
        if (hash && hash.digest('hex') !== cap.sha256) {
          return fail(new Refusal(`${entry.path} sha256 differs from the manifest`))
        }
        out.end()
      })
      out.on('error', fail)
      out.on('close', () => {
        if (out.writableFinished) resolve()
      })
    })
  }
}
