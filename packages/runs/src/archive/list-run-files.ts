// What of a run folder goes into its archive: every folder (empty ones too, so the layout survives)
// and regular file, refusing links and anything that looks like a credential.
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { compareArchivePaths } from '@sagepack/bundle'
import { archivePathProblem } from '@sagepack/bundle'
import { secretDirectoryReason, secretFileReason } from '@sagepack/bundle'

export interface RunEntry {
  /** POSIX path relative to the run folder. */
  path: string
  kind: 'folder' | 'file'
}

/** Every entry under `runDir`, depth first, parents before children, siblings in byte order of names. */
export async function listRunFiles(runDir: string): Promise<RunEntry[]> {
  const entries: RunEntry[] = []
  const walk = async (relative: string): Promise<void> => {
    const names = (await readdir(join(runDir, relative))).sort(compareArchivePaths)
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`
      const absolute = join(runDir, path)
      const info = await lstat(absolute)
      const problem = archivePathProblem(path)
      if (problem) throw refused(absolute, `cannot be archived under this name: ${problem}`, 'rename it')
      if (info.isDirectory()) {
        const reason = secretDirectoryReason(path)
        if (reason) throw refused(absolute, `looks like a secret and will not be pushed: ${reason}`)
        entries.push({ path, kind: 'folder' })
        await walk(path)
      } else if (info.isFile()) {
        const reason = await secretFileReason(path, absolute)
        if (reason) throw refused(absolute, `looks like a secret and will not be pushed: ${reason}`)
        entries.push({ path, kind: 'file' })
      } else {
        throw refused(
          absolute,
          `is ${info.isSymbolicLink() ? 'a symlink' : 'neither a file nor a folder'}; run archives hold files and folders only`,
          'replace it by a copy of what it stands for',
        )
      }
    }
  }
  await walk('')
  return entries
}

function refused(path: string, problem: string, fix = 'move it out of the run folder'): UserError {
  return new UserError({ input: path, problem, fix })
}
