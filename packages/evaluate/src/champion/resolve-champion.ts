// The champion a run is compared with: the run release.json promotes (the default, or a given
// release.json such as the base branch's in CI), or a run named with --against. release.json records
// the champion's test metrics, so the comparison works in a fresh clone; when the champion's run
// folder is here too, its predictions are read so curves and slices are compared as well.
// After training (tolerant), a champion that cannot be found becomes a note, never an error.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isUserError, shownPath, UserError } from '@sagepack/core-data'
import { readRunRecord } from '@sagepack/core-train/workspace'
import { findRunFolder, type Release, readRelease } from '@sagepack/runs'
import type { MetricValues } from '../metrics/headline-scorer'
import type { ChampionInfo } from '../report/report-types'

export interface ResolvedChampion {
  info: ChampionInfo
  /** The test metrics release.json records (empty for a run named with --against). */
  releaseMetrics: MetricValues
  /** The champion's completed run folder, when it is here. */
  runDir: string | null
}

export interface ChampionRequest {
  runsRoot: string
  model: string
  /** "release" or a run id. */
  against: string
  /** The release.json "release" reads. */
  releaseFile: string
  /** Champion problems become notes (evaluation after `pnpm train`). */
  tolerant: boolean
}

const NONE = (note: string): ResolvedChampion => ({
  info: { source: 'none', runId: null, runPresent: false, note },
  releaseMetrics: {},
  runDir: null,
})

export async function resolveChampion(request: ChampionRequest): Promise<ResolvedChampion> {
  try {
    return request.against === 'release' ? await fromRelease(request) : await fromRun(request)
  } catch (error) {
    if (request.tolerant && isUserError(error))
      return NONE(`No champion to compare with: ${error.message.split('\n')[0]}`)
    throw error
  }
}

async function fromRelease(request: ChampionRequest): Promise<ResolvedChampion> {
  const { runsRoot, model, releaseFile } = request
  if (!existsSync(releaseFile))
    return NONE(
      `No champion to compare with: ${shownPath(releaseFile)} does not exist (nothing released yet).`,
    )
  const release = await readRelease(releaseFile)
  const runDir = join(runsRoot, model, release.runId)
  const present = existsSync(join(runDir, 'run.json')) && (await readRunRecord(runDir)).status === 'completed'
  return {
    info: {
      source: 'release',
      runId: release.runId,
      runPresent: present,
      note: present
        ? null
        : `The champion's run ${release.runId} is not here, so only the metrics release.json records are compared; \`sagepack runs pull ${model} ${release.runId}\` brings its curves and slices.`,
    },
    releaseMetrics: releasedTestMetrics(release),
    runDir: present ? runDir : null,
  }
}

async function fromRun(request: ChampionRequest): Promise<ResolvedChampion> {
  const { runsRoot, model, against } = request
  let folder: ReturnType<typeof findRunFolder>
  try {
    folder = findRunFolder(runsRoot, model, against)
  } catch (error) {
    if (!isUserError(error)) throw error
    throw new UserError({
      input: `--against ${against}`,
      problem: `there is no run ${model}/${against} here (${error.problem})`,
      expected: '"release" or the id of a completed run of this model',
      fix: `fetch it with \`sagepack runs pull ${model} ${against}\`, or pick one from \`sagepack runs ${model}\``,
    })
  }
  if (folder.archived) {
    throw new UserError({
      input: `--against ${against}`,
      problem: `run ${model}/${against} is archived (${folder.dir})`,
      expected: 'a run in daily use under runs/<model>/',
      fix: `move it back first: mv ${folder.dir} ${join(runsRoot, model, against)}`,
    })
  }
  const record = await readRunRecord(folder.dir)
  if (record.status !== 'completed') {
    throw new UserError({
      input: `--against ${against}`,
      problem: `run ${model}/${against} is ${record.status}, not completed`,
      expected: 'a completed run',
      fix: `pick a completed run from \`sagepack runs ${model}\``,
    })
  }
  return {
    info: { source: 'run', runId: against, runPresent: true, note: null },
    releaseMetrics: {},
    runDir: folder.dir,
  }
}

/** The test metrics of a release: the report's, when it was promoted with one, else metrics.json's. */
function releasedTestMetrics(release: Release): MetricValues {
  const fromMetricsJson = Object.fromEntries(
    Object.entries(release.metrics ?? {})
      .filter(([key]) => key.startsWith('test.'))
      .map(([key, value]) => [key.slice('test.'.length), value]),
  )
  return { ...fromMetricsJson, ...(release.evaluation?.metrics ?? {}) }
}
