// `sagepack runs promote`: names a completed run as the one a merge deploys, by writing
// models/<model>/release.json atomically with the digests that pin its bytes. The file depends on the
// run alone, so promoting the same run again changes nothing.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sha256OfFile, UserError, writeJsonAtomic } from '@sagepack/core-data'
import { readRunRecord } from '@sagepack/core-train/workspace'
import { activeRunDir, archivedRunDir, noSuchRun } from '../catalog/model-run-folders'
import { CONFIG_FILE, readRunSummary } from '../catalog/read-run-summary'
import { checkModelName, checkRunId } from '../catalog/run-names'
import { headlineMetrics, trainingBackend } from '../report/headline-metrics'
import { artifactDigest } from './artifact-digest'
import {
  RELEASE_FORMAT,
  type Release,
  type ReleaseEvaluation,
  type ReleaseOverride,
  readRelease,
  releaseFileOf,
} from './release-file'

export interface PromotedRun {
  releaseFile: string
  release: Release
  /** The run release.json named before, when it named another one. */
  replaced?: string
}

/**
 * The run folder of a run that can be released: active (not archived), completed, with its config.
 * A UserError naming the run and the fix otherwise. `runs promote` checks this before its gates.
 */
export async function promotableRun(options: { runsRoot: string; model: string; runId: string }): Promise<string> {
  const { runsRoot, model, runId } = options
  checkModelName(model)
  checkRunId(model, runId)
  const runDir = activeRunDir(runsRoot, model, runId)
  if (!existsSync(runDir)) {
    const archived = archivedRunDir(runsRoot, model, runId)
    if (existsSync(archived)) {
      throw new UserError({
        input: `run ${model}/${runId}`,
        problem: `is archived (${archived}), so bundling would not find it`,
        expected: `a run under ${join(runsRoot, model)}/`,
        fix: `move it back first: mv ${archived} ${runDir}`,
      })
    }
    throw noSuchRun(runsRoot, model, runId)
  }
  const record = await readRunRecord(runDir)
  if (record.status !== 'completed') {
    throw new UserError({
      input: `run ${model}/${runId}`,
      problem: `is ${record.status}, not completed${record.failure ? ` (${record.failure})` : ''}; only a completed run can be released`,
      expected: `a completed run (runs/${model}/<run-id>/run.json with "status": "completed")`,
      fix: `pick a completed run from \`sagepack runs ${model}\`, or train one with \`pnpm train ${model}\``,
    })
  }
  const configFile = join(runDir, CONFIG_FILE)
  if (!existsSync(configFile)) {
    throw new UserError({
      input: configFile,
      problem: 'is missing',
      expected: 'the resolved config every completed run keeps',
      fix: 'the run folder is incomplete: pull it again or train again',
    })
  }
  return runDir
}

export async function promoteRun(options: {
  runsRoot: string
  model: string
  runId: string
  /** models/<model>/, where release.json is written. */
  modelDir: string
  /** The run's evaluation, recorded so later runs compare with it from a fresh clone. */
  evaluation?: ReleaseEvaluation
  /** Gates the run failed and why it is released anyway; the caller decided the gates. */
  override?: ReleaseOverride
}): Promise<PromotedRun> {
  const { runsRoot, model, runId } = options
  const runDir = await promotableRun(options)
  const record = await readRunRecord(runDir)
  const configFile = join(runDir, CONFIG_FILE)
  const [artifacts, configSha256, summary] = await Promise.all([
    artifactDigest(runDir),
    sha256OfFile(configFile),
    readRunSummary({ runId, dir: runDir, archived: false }),
  ])
  const release: Release = {
    format: RELEASE_FORMAT,
    model,
    runId,
    sha256: artifacts.sha256,
    artifacts: artifacts.files,
    configSha256,
    metrics: headlineMetrics(summary.metrics),
    backend: trainingBackend(summary.metrics),
    git: record.git,
    ...(options.evaluation ? { evaluation: options.evaluation } : {}),
    ...(options.override ? { override: options.override } : {}),
  }
  const releaseFile = releaseFileOf(options.modelDir)
  const previous = existsSync(releaseFile) ? await readRelease(releaseFile).catch(() => null) : null
  await writeJsonAtomic(releaseFile, release)
  return {
    releaseFile,
    release,
    ...(previous && previous.runId !== runId ? { replaced: previous.runId } : {}),
  }
}
