// The champion gate `runs promote` applies: the run's test metrics (scored from its predictions as the
// report scores them) judged by the model's gates against the champion release.json names now. No
// figures, no behaviour checks: promoting stays quick.
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { loadConfigDefinition, resolveConfig } from '@sagepack/core-train/workspace'
import { releaseFileOf } from '@sagepack/runs'
import { resolveChampion } from '../champion/resolve-champion'
import { headlineScorer, type MetricValues } from '../metrics/headline-scorer'
import { evaluatedRun } from '../run-files/evaluated-run'
import { readRunFiles } from '../run-files/read-run-files'
import { evaluationSettings } from '../settings/evaluation-settings'
import { type GateVerdict, gateVerdicts } from './gate-verdicts'

export interface PromotionGate {
  /** The run's test metrics, for release.json. */
  metrics: Record<string, number>
  verdicts: GateVerdict[]
  /** The champion the drops were measured against, if any. */
  championRunId: string | null
}

export async function promotionGate(options: {
  folder: ModelFolder
  runsRoot: string
  runId: string
}): Promise<PromotionGate> {
  const { folder, runsRoot } = options
  const { runId, runDir } = await evaluatedRun(
    runsRoot,
    folder.name,
    options.runId,
    `run ${folder.name}/${options.runId}`,
  )
  const files = await readRunFiles(runDir, { model: folder.name, runId })
  const config = resolveConfig(await loadConfigDefinition(folder), { configFile: folder.configFile }).values
  const settings = evaluationSettings(config, files.test.scores.task, folder.name)
  const values = headlineScorer(files.test.scores).score()
  const champion = await resolveChampion({
    runsRoot,
    model: folder.name,
    against: 'release',
    releaseFile: releaseFileOf(folder.dir),
    tolerant: false,
  })
  let championMetrics: MetricValues | null = null
  if (champion.info.source !== 'none') {
    championMetrics = champion.runDir
      ? {
          ...champion.releaseMetrics,
          ...headlineScorer(
            (await readRunFiles(champion.runDir, { model: folder.name, runId: champion.info.runId ?? '' }))
              .test.scores,
          ).score(),
        }
      : champion.releaseMetrics
  }
  return {
    metrics: Object.fromEntries(
      Object.entries(values).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
      ),
    ),
    verdicts: gateVerdicts(settings.gates, values, championMetrics),
    championRunId: champion.info.runId,
  }
}
