// `sagepack runs archive`: moves a run out of the daily list into runs/.archive/<model>/<run-id>/.
// Nothing is deleted; the run released in release.json and a run still being written stay put.
import { existsSync } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { readRunRecord } from '@sagepack/core-train/workspace'
import { readRelease } from '../release/release-file'
import { activeRunDir, archivedRunDir, noSuchRun } from './model-run-folders'
import { checkModelName, checkRunId } from './run-names'

export async function archiveRun(options: {
  runsRoot: string
  model: string
  runId: string
  /** models/<model>/release.json, when the model folder has one. */
  releaseFile?: string
  /** Archive a run whose run.json still says running (its process died). */
  force?: boolean
}): Promise<{ from: string; to: string }> {
  const { runsRoot, model, runId } = options
  checkModelName(model)
  checkRunId(model, runId)
  const from = activeRunDir(runsRoot, model, runId)
  const to = archivedRunDir(runsRoot, model, runId)
  if (!existsSync(from)) {
    if (existsSync(to)) {
      throw new UserError({
        input: `run ${model}/${runId}`,
        problem: `is archived already (${to})`,
        expected: `a run under ${activeRunDir(runsRoot, model, '')}`,
        fix: `\`sagepack runs ${model} --archived\` lists archived runs`,
      })
    }
    throw noSuchRun(runsRoot, model, runId)
  }
  if (options.releaseFile && existsSync(options.releaseFile)) {
    const released = (await readRelease(options.releaseFile)).runId
    if (released === runId) {
      throw new UserError({
        input: `run ${model}/${runId}`,
        problem: `is the run models/${model}/release.json releases; bundling and deploying need it in place`,
        expected: 'a run that is not released',
        fix: `promote another run first (\`sagepack runs promote ${model} <run>\`), then archive this one`,
      })
    }
  }
  if (!options.force && existsSync(join(from, 'run.json'))) {
    const record = await readRunRecord(from)
    if (record.status === 'running') {
      throw new UserError({
        input: from,
        problem: 'is still running (run.json says "status": "running"), so its files may still be written',
        expected: 'a finished run (completed, failed or stopped)',
        fix: 'archive it once it has finished; if its process died, pass --force',
      })
    }
  }
  if (existsSync(to)) {
    throw new UserError({
      input: to,
      problem: 'already exists, and runs are never overwritten',
      expected: `no archived run ${runId} of ${model} yet`,
      fix: 'look at both folders, then move or rename one of them by hand',
    })
  }
  await mkdir(dirname(to), { recursive: true })
  // One rename within runs/: the run is in one place or the other, never half moved.
  await rename(from, to)
  return { from, to }
}
