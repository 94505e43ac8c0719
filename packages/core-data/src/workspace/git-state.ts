// The git commit a run was made from, and whether the working tree had uncommitted changes.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface GitState {
  /** null outside a git checkout or before the first commit. */
  commit: string | null
  dirty: boolean
}

export async function gitState(cwd: string): Promise<GitState> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', 'HEAD'], { cwd })
    const { stdout: status } = await run('git', ['status', '--porcelain', '--untracked-files=normal'], {
      cwd,
    })
    return { commit: commit.trim(), dirty: status.trim().length > 0 }
  } catch {
    return { commit: null, dirty: false }
  }
}
