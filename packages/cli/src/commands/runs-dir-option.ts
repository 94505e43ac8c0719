// The --runs-dir option every runs subcommand shares, and the runs folder it names.
import { resolve } from 'node:path'
import { defaultRunsRoot } from '@sagepack/core-train/workspace'

export const RUNS_DIR_FLAGS = '--runs-dir <dir>'
export const RUNS_DIR_HELP = 'where runs are kept (default: runs/ at the workspace root)'

export function runsRootFrom(workspaceRoot: string, runsDir: string | undefined): string {
  return runsDir ? resolve(runsDir) : defaultRunsRoot(workspaceRoot)
}
