// `sagepack evaluate` and the end of `pnpm train`: reads a completed run, scores its test split against
// the naive baseline and the champion, slices it, runs the behaviour checks through the bundle's
// handler, renders every figure and writes runs/<model>/<run>/report/ (index.html + report.json) whole.
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { loadConfigDefinition, type ModelFolder, resolveConfig } from '@sagepack/core-train/workspace'
import { releaseFileOf } from '@sagepack/runs'
import { naiveBaseline } from './baseline/naive-baseline'
import { BEHAVIOUR_CHECKS_FILE } from './behaviour/behaviour-check-spec'
import { runBehaviourChecks } from './behaviour/run-behaviour-checks'
import { resolveChampion } from './champion/resolve-champion'
import { figureSpec } from './charts/figure-spec'
import { headlineScorer } from './metrics/headline-scorer'
import { renderSvg } from './render/render-svg'
import { buildReport, type ChampionInput } from './report/build-report'
import { reportHtml } from './report/report-html'
import type { EvaluationReport } from './report/report-types'
import { writeReportFiles, writeReportFolder } from './report/write-report-folder'
import { channelDigest, channelFiles, rowsByLocation } from './run-files/channel-data'
import { evaluatedRun } from './run-files/evaluated-run'
import { readRunFiles } from './run-files/read-run-files'
import { bundleOfRun } from './run-files/run-bundle'
import { evaluationSettings } from './settings/evaluation-settings'
import { type SliceDefinition, sliceDefinitions } from './slices/slice-definitions'

export interface EvaluateRunOptions {
  workspaceRoot: string
  folder: ModelFolder
  runsRoot: string
  /** Default: the latest completed run. */
  runId?: string
  /** "release" (default) or a run id. */
  against?: string
  /** The release.json `against: "release"` reads; default models/<model>/release.json. */
  releaseFile?: string
  /** `key=value` config overrides, as `--set` takes them (evaluate.* keys shape the report). */
  sets?: readonly string[]
  /** After `pnpm train`: a champion that cannot be found is a note, not an error. */
  tolerantChampion?: boolean
  /** The clock, for tests. */
  now?: () => Date
}

export interface EvaluatedRun {
  report: EvaluationReport
  runDir: string
  /** runs/<model>/<run>/report/ */
  reportDir: string
}

export async function evaluateRun(options: EvaluateRunOptions): Promise<EvaluatedRun> {
  const { folder, runsRoot } = options
  const model = folder.name
  const { runId, runDir } = await evaluatedRun(runsRoot, model, options.runId)
  const files = await readRunFiles(runDir, { model, runId })
  const scores = files.test.scores
  const definition = await loadConfigDefinition(folder)
  const config = resolveConfig(definition, { configFile: folder.configFile, sets: options.sets ?? [] }).values
  const settings = evaluationSettings(config, scores.task, model)
  const notes: string[] = []

  const channels = await channelFiles(runDir)
  // Parsing the data costs time (5 MB for spam): only when slices or behaviour checks use its rows.
  const needsRows = settings.slices.length > 0 || existsSync(join(folder.dir, BEHAVIOUR_CHECKS_FILE))
  const rows = needsRows && channels.length > 0 ? await rowsByLocation(channels) : null
  const testRecords = rows ? files.test.sources.map((s) => rows.get(`${s.source}:${s.line}`)) : null
  let slices: SliceDefinition[] = []
  if (settings.slices.length > 0) {
    if (testRecords) slices = sliceDefinitions(settings.slices, columnsOf(testRecords), { model })
    else
      notes.push(
        'No slices: the run holds no copy of its data (input/data/), which a SageMaker run does not keep.',
      )
  }

  const champion = await championInput(options, model)
  const runBundle = await bundleOfRun(folder, runId)
  const behaviour = await runBehaviourChecks({
    folder,
    runDir,
    record: files.record,
    config: files.config,
    testRows: (testRecords ?? [])
      .filter((r) => r !== undefined)
      .map((r) => withoutColumn(r, files.test.label)),
  })
  const baselineSource = files.train ?? files.test
  if (!files.train)
    notes.push('The baseline learned from the test split itself: the run has no train-predictions.csv.')
  const metrics = files.metrics as {
    backend?: { name?: string; gpu?: boolean }
    fit?: { seconds?: number; epochsRun?: number }
    history?: unknown
  }
  const report = buildReport({
    model,
    evaluatedAt: (options.now?.() ?? new Date()).toISOString(),
    identity: {
      runId,
      executor: files.record.executor ?? null,
      startedAt: files.record.startedAt ?? null,
      git: { commit: files.record.git?.commit ?? null, dirty: files.record.git?.dirty ?? null },
      configSha256: files.configSha256,
      data: await Promise.all(channels.map(channelDigest)),
      backend: metrics.backend?.name ? `${metrics.backend.name}${metrics.backend.gpu ? ' gpu' : ''}` : null,
      trainingSeconds: files.record.durationSeconds ?? null,
      fitSeconds: metrics.fit?.seconds ?? null,
      epochs: metrics.fit?.epochsRun ?? null,
      bundle: runBundle
        ? { path: relative(options.workspaceRoot, runBundle.path), sha256: runBundle.sha256 }
        : null,
    },
    scores,
    baseline: naiveBaseline(scores, baselineSource.scores),
    history: metrics.history,
    settings,
    slices,
    sliceValueOf: testRecords ? (slice, row) => testRecords[row]?.[slice.column] : null,
    champion,
    behaviour,
    dataChecks: files.dataChecks,
    notes: [...(champion.info.note ? [champion.info.note] : []), ...notes],
  })
  const svgs = new Map<string, string>()
  for (const figure of report.figures) svgs.set(figure.id, await renderSvg(figureSpec(figure)))
  const reportDir = await writeReportFolder(runDir, (dir) =>
    writeReportFiles(dir, {
      'report.json': `${JSON.stringify(report, null, 2)}\n`,
      'index.html': reportHtml(report, svgs),
    }),
  )
  return { report, runDir, reportDir }
}

async function championInput(options: EvaluateRunOptions, model: string): Promise<ChampionInput> {
  const resolved = await resolveChampion({
    runsRoot: options.runsRoot,
    model,
    against: options.against ?? 'release',
    releaseFile: options.releaseFile ?? releaseFileOf(options.folder.dir),
    tolerant: options.tolerantChampion ?? false,
  })
  if (!resolved.runDir)
    return { info: resolved.info, metrics: resolved.releaseMetrics, scores: null, sliceValueOf: null }
  const files = await readRunFiles(resolved.runDir, { model, runId: resolved.info.runId ?? '' })
  const channels = await channelFiles(resolved.runDir)
  const rows = channels.length > 0 ? await rowsByLocation(channels) : null
  const records = rows ? files.test.sources.map((s) => rows.get(`${s.source}:${s.line}`)) : null
  return {
    info: resolved.info,
    metrics: { ...resolved.releaseMetrics, ...headlineScorer(files.test.scores).score() },
    scores: files.test.scores,
    sliceValueOf: records ? (slice, row) => records[row]?.[slice.column] : null,
  }
}

function columnsOf(records: ReadonlyArray<Record<string, unknown> | undefined>): string[] {
  return [...new Set(records.flatMap((record) => (record ? Object.keys(record) : [])))]
}

function withoutColumn(record: Record<string, unknown>, column: string): Record<string, unknown> {
  const { [column]: _, ...rest } = record
  return rest
}
