// Unpacks a bundle for `sagepack serve`, refusing anything but regular files at paths inside the
// target folder. Files stream to disk as they inflate (write-entries.ts), capped by the manifest when
// the caller has one. It unpacks into a sibling folder first and renames it into place, so the target
// is either complete or absent: a refused archive leaves nothing behind.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import type { ManifestFile } from '../manifest/bundle-manifest'
import { writeEntries } from './write-entries'

export interface ExtractOptions {
  /**
   * The files the archive must hold (manifest.json need not be listed), from its verified manifest:
   * each file is refused before a byte is written unless listed with its exact size, is hashed as it
   * is written, and the whole extraction stops at the first file that differs. Without it (archives
   * that carry no manifest, such as a training job's output) every file is written as it comes.
   */
  expected?: readonly ManifestFile[]
}

/**
 * Extracts `path` into `dir`, which must not exist or be empty (so no link already inside it can
 * redirect a write).
 */
export async function extractArchive(path: string, dir: string, options: ExtractOptions = {}): Promise<void> {
  const dirExists = await assertEmptyOrMissing(dir)
  const staging = join(dirname(dir), `.${basename(dir)}.${randomBytes(6).toString('hex')}.extracting`)
  try {
    await mkdir(staging, { recursive: true })
    await writeEntries(path, staging, options.expected)
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
