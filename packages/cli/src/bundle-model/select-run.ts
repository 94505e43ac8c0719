// Which run a bundle is built from: the one named with --run, else the one models/<model>/release.json
// promotes, else the latest completed run.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { readJsonFile, UserError } from '@sagepack/core-data'
import { type RunRecord, readRunRecord } from '@sagepack/core-train/workspace'

export interface SelectedRun {
  runId: string
  runDir: string
  /** Why this run: named on the command line, promoted in release.json, or the newest. */
  reason: 'flag' | 'release' | 'latest'
}

const RELEASE_FILE = 'release.json'

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
  const releaseFile = join(options.modelDir, RELEASE_FILE)
  if (existsSync(releaseFile)) {
    const runId = await releasedRunId(releaseFile)
    return {
      ...(await requireCompletedRun(runsRoot, model, runId, `${releaseFile}: "runId"`)),
      reason: 'release',
    }
  }
  const latest = await latestCompletedRun(runsRoot, model)
  return latest ? { ...latest, reason: 'latest' } : null
}

async function releasedRunId(releaseFile: string): Promise<string> {
  const release = await readJsonFile(releaseFile, {
    expected: '{"runId": "<run id>", ...}',
    fix: 'fix the JSON, or delete the file to bundle the latest run',
  })
  const runId = (release as { runId?: unknown }).runId
  if (typeof runId !== 'string' || runId === '') {
    throw new UserError({
      input: releaseFile,
      problem: 'has no "runId"',
      expected: 'the id of the run to release, e.g. {"runId": "20261123-164512-3fa2"}',
      fix: 'write the run id of a completed run, or delete the file to bundle the latest run',
    })
  }
  return runId
}

async function requireCompletedRun(
  runsRoot: string,
  model: string,
  runId: string,
  input: string,
): Promise<{ runId: string; runDir: string }> {
  const runDir = join(runsRoot, model, runId)
  const record = existsSync(join(runDir, 'run.json')) ? await readRunRecord(runDir) : null
  if (record?.status !== 'completed') {
    throw new UserError({
      input,
      problem: record
        ? `run ${runId} of ${model} is ${record.status}, not completed`
        : `there is no run ${runId} of ${model} in ${runsRoot}`,
      expected: 'the id of a completed run (runs/<model>/<run-id>/run.json with status "completed")',
      fix: `train one with \`pnpm train ${model}\`, or leave the run out to bundle the latest`,
    })
  }
  return { runId, runDir }
}

async function latestCompletedRun(
  runsRoot: string,
  model: string,
): Promise<{ runId: string; runDir: string } | null> {
  const dir = join(runsRoot, model)
  if (!existsSync(dir)) return null
  // Run ids start with a UTC timestamp, so the newest sorts last.
  const ids = readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'run.json')))
    .sort()
    .reverse()
  for (const runId of ids) {
    const record: RunRecord = await readRunRecord(join(dir, runId))
    if (record.status === 'completed') return { runId, runDir: join(dir, runId) }
  }
  return null
}
