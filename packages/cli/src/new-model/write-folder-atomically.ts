// Writes a whole folder or nothing: the files go into a staging folder on the target's file system,
// which is renamed into place at the end (one rename), so no reader ever sees half of it.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { TemplateFile } from './model-templates'

/** `stagingParent` must be on the target's file system; the staging folder is removed on failure. */
export async function writeFolderAtomically(
  target: string,
  files: readonly TemplateFile[],
  stagingParent: string,
): Promise<void> {
  const staging = await mkdtemp(join(stagingParent, `.${basename(target)}.new-`))
  try {
    for (const file of files) {
      const path = join(staging, file.path)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, file.content)
    }
    await mkdir(dirname(target), { recursive: true })
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}
