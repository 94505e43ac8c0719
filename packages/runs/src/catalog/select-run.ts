// Which run a bundle is built from: the one named with --run, else the one models/<model>/release.json
// promotes, else the latest completed run.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { type RunRecord, readRunRecord } from '@sagepack/core-train/workspace'
import { archivedRunDir, listRunFolders } from './model-run-folders'
import { checkRunId } from './run-names'
import { type Release, readRelease, releaseFileOf } from '../release/release-file'

export interface SelectedRun {
  runId: string
  runDir: string
  /** Why this run: named on the command line, promoted in release.json, or the newest. */
  reason: 'flag' | 'release' | 'latest'
  /** With reason `release`: what release.json holds, and where it is. */
  release?: { file: string; content: Release }
}

export async function selectRun(options: {
  runsRoot: string
  model: string
  modelDir: string
  runId?: string
}): Promise<SelectedRun | null> {
  const { runsRoot, model } = options
  if (options.runId)
    return {
      ...(await requireCompletedRun(runsRoot, model, options.runId, `--run ${options.runId}`)),
      reason: 'flag',
    }
  const releaseFile = releaseFileOf(options.modelDir)
  if (existsSync(releaseFile)) {
    const release = await readRelease(releaseFile)
    return {
      ...(await requireCompletedRun(runsRoot, model, release.runId, `${releaseFile}: "runId"`, {
        missingFix: `fetch it with \`sagepack runs pull ${model} ${release.runId}\`, or promote a run that is here`,
      })),
      reason: 'release',
      release: { file: releaseFile, content: release },
    }
  }
  const latest = await latestCompletedRun(runsRoot, model)
  return latest ? { ...latest, reason: 'latest' } : null
}

async function requireCompletedRun(
  runsRoot: string,
  model: string,
  runId: string,
  input: string,
  about: { missingFix?: string } = {},
): Promise<{ runId: string; runDir: string }> {
  checkRunId(model, runId)
  const runDir = join(runsRoot, model, runId)
  const record = existsSync(join(runDir, 'run.json')) ? await readRunRecord(runDir) : null
  if (record?.status === 'completed') return { runId, runDir }
  const expected = 'the id of a completed run (runs/<model>/<run-id>/run.json with status "completed")'
  const trainFix = `train one with \`pnpm train ${model}\`, or leave the run out to bundle the latest`
  if (record) {
    throw new UserError({
      input,
      problem: `run ${runId} of ${model} is ${record.status}, not completed`,
      expected,
      fix: trainFix,
    })
  }
  const archived = archivedRunDir(runsRoot, model, runId)
  if (existsSync(archived)) {
    throw new UserError({
      input,
      problem: `run ${runId} of ${model} is archived (${archived})`,
      expected,
      fix: `move it back to bundle it: mv ${archived} ${runDir}`,
    })
  }
  throw new UserError({
    input,
    problem: `there is no run ${runId} of ${model} in ${runsRoot}`,
    expected,
    fix: about.missingFix ?? trainFix,
  })
}

async function latestCompletedRun(
  runsRoot: string,
  model: string,
): Promise<{ runId: string; runDir: string } | null> {
  // Newest first: run ids start with a UTC timestamp.
  for (const run of listRunFolders(runsRoot, model).reverse()) {
    if (!existsSync(join(run.dir, 'run.json'))) continue
    const record: RunRecord = await readRunRecord(run.dir)
    if (record.status === 'completed') return { runId: run.runId, runDir: run.dir }
  }
  return null
}
