// Unpacks a bundle for `sagepack serve`, refusing anything but regular files at paths inside the
// target folder. It unpacks into a sibling folder first and renames it into place, so the target is
// either complete or absent.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { extract } from 'tar'
import { bundleEntryVerdict } from './archive-path'
import { bundleCorruptError } from './bundle-corrupt-error'

/**
 * Extracts `path` into `dir`, which must not exist or be empty (so no link already inside it can
 * redirect a write). Does not check digests: run verifyArchive first when the bundle is not trusted.
 */
export async function extractArchive(path: string, dir: string): Promise<void> {
  const dirExists = await assertEmptyOrMissing(dir)
  const staging = join(dirname(dir), `.${basename(dir)}.${randomBytes(6).toString('hex')}.extracting`)
  const refused: string[] = []
  try {
    await mkdir(staging, { recursive: true })
    try {
      await extract({
        file: path,
        cwd: staging,
        strict: true,
        // See read-archive.ts: zero-filled tensors compress right up to node-tar's bomb guard.
        maxDecompressionRatio: Number.POSITIVE_INFINITY,
        filter: (entryPath, entry) => {
          const judged = bundleEntryVerdict('type' in entry ? entry.type : 'File', entryPath)
          if (judged.verdict === 'not-a-file' || judged.verdict === 'unsafe-path') {
            refused.push(`${JSON.stringify(entryPath)}: ${judged.problem}`)
          }
          return judged.verdict === 'file'
        },
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && refused.length === 0) throw error
      throw bundleCorruptError(path, [...refused, (error as Error).message], error)
    }
    if (refused.length > 0) {
      throw new UserError({
        input: path,
        problem: `holds entries that cannot be extracted safely: ${refused.join('; ')}`,
        expected: 'a bundle written by `pnpm bundle`: regular files at relative paths',
        fix: 'build the bundle again with `pnpm bundle <model>`',
      })
    }
    if (dirExists) await rmdir(dir)
    await rename(staging, dir)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

async function assertEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    if ((await readdir(dir)).length === 0) return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  throw new UserError({
    input: dir,
    problem: 'is not empty',
    expected: 'a folder that does not exist yet, or an empty one, to extract the bundle into',
    fix: 'remove the folder or choose another one',
  })
}
