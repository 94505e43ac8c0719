// Where a model's runs are on disk: runs/<model>/<run-id>/ for the runs in daily use and
// runs/.archive/<model>/<run-id>/ for the archived ones. Dot-folders are never taken for runs.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { ARCHIVE_FOLDER, checkModelName, checkRunId, isRunFolderName } from './run-names'

/** An error names at most this many runs, the newest. */
const MAX_RUNS_NAMED = 10

export interface RunFolder {
  runId: string
  dir: string
  archived: boolean
}

export function activeRunDir(runsRoot: string, model: string, runId: string): string {
  return join(runsRoot, model, runId)
}

export function archivedRunDir(runsRoot: string, model: string, runId: string): string {
  return join(runsRoot, ARCHIVE_FOLDER, model, runId)
}

/** The model's run folders, oldest first (run ids start with a UTC timestamp); archived ones on request. */
export function listRunFolders(
  runsRoot: string,
  model: string,
  options: { archived?: boolean } = {},
): RunFolder[] {
  checkModelName(model)
  const active = runIdsIn(join(runsRoot, model)).map((runId) => ({
    runId,
    dir: activeRunDir(runsRoot, model, runId),
    archived: false,
  }))
  const archived = options.archived
    ? runIdsIn(join(runsRoot, ARCHIVE_FOLDER, model)).map((runId) => ({
        runId,
        dir: archivedRunDir(runsRoot, model, runId),
        archived: true,
      }))
    : []
  return [...active, ...archived].sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0))
}

/** How many runs of the model are archived, for the hint under the list. */
export function countArchivedRuns(runsRoot: string, model: string): number {
  return runIdsIn(join(runsRoot, ARCHIVE_FOLDER, model)).length
}

/** The models that have a folder under runs/ (not .archive). */
export function modelsWithRuns(runsRoot: string): string[] {
  return runIdsIn(runsRoot)
}

/** A run in daily use or archived; a UserError naming the runs there are when there is no such run. */
export function findRunFolder(runsRoot: string, model: string, runId: string): RunFolder {
  checkModelName(model)
  checkRunId(model, runId)
  const active = activeRunDir(runsRoot, model, runId)
  if (existsSync(active)) return { runId, dir: active, archived: false }
  const archived = archivedRunDir(runsRoot, model, runId)
  if (existsSync(archived)) return { runId, dir: archived, archived: true }
  throw noSuchRun(runsRoot, model, runId)
}

export function noSuchRun(runsRoot: string, model: string, runId: string): UserError {
  const known = runIdsIn(join(runsRoot, model))
  const shown = known.slice(-MAX_RUNS_NAMED)
  return new UserError({
    input: `run ${model}/${runId}`,
    problem: `there is no run folder ${activeRunDir(runsRoot, model, runId)}`,
    expected:
      known.length > 0
        ? `one of: ${shown.join(', ')}${known.length > shown.length ? ` (the newest ${shown.length} of ${known.length})` : ''}`
        : `a run of ${model} under ${join(runsRoot, model)} (there is none yet)`,
    fix: `check the run id and --runs-dir (\`sagepack runs ${model}\` lists the runs), or train one with \`pnpm train ${model}\``,
  })
}

function runIdsIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isRunFolderName(entry.name))
    .map((entry) => entry.name)
    .sort()
}
