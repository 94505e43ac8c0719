// Packs a run folder into a .tar.gz with node-tar, reproducibly: the same run gives the same bytes
// (sorted entries, fixed mtime, no owners), so pushing an unchanged run again is recognized as such.
import { create } from 'tar'
import { listRunFiles } from './list-run-files'

/** The epoch, as in bundles: the archive must not depend on when files were written or copied. */
const FIXED_MTIME = new Date(0)

/**
 * node-tar stores the second name of a hard-linked file as a link to the first; a cache that never
 * remembers makes every name a regular file, which is all a pulled run may contain.
 */
class NoHardLinks extends Map<`${number}:${number}`, string> {
  override set(): this {
    return this
  }
}

/** Writes `runDir`'s files and folders to `outFile` (a new file); returns how many entries it holds. */
export async function packRun(runDir: string, outFile: string): Promise<number> {
  const entries = await listRunFiles(runDir)
  await create(
    {
      file: outFile,
      cwd: runDir,
      gzip: true,
      portable: true,
      mtime: FIXED_MTIME,
      noDirRecurse: true,
      strict: true,
      linkCache: new NoHardLinks(),
    },
    entries.map((entry) => entry.path),
  )
  return entries.length
}
